/** Compares dotted versions numerically (`2.10.0` > `2.9.10`); pre-release suffixes are ignored. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) =>
    v
      .split('-')[0]
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** What the connected JetStream server can do that changes how consumers are declared. */
export interface JetStreamFeatures {
  /** `filter_subjects` (several filters on one consumer) needs nats-server 2.10. */
  multipleFilters: boolean;
}

export function featuresOf(serverVersion: string | undefined): JetStreamFeatures {
  return { multipleFilters: serverVersion !== undefined && compareVersions(serverVersion, '2.10.0') >= 0 };
}
