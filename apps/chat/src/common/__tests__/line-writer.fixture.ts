/** A LineWriter (BatchedLines) that records what it writes; refuseNext(n) makes the next n writes fail with EAGAIN, as a full pipe does. */
export function recordingWriter() {
  const writes: string[] = [];
  let refuse = 0;
  const writer = (_fd: number, data: Buffer) => {
    if (refuse > 0) {
      refuse -= 1;
      throw Object.assign(new Error('try again'), { code: 'EAGAIN' });
    }
    writes.push(data.toString());
    return data.length;
  };
  return { writer, writes, refuseNext: (n: number) => void (refuse = n) };
}
