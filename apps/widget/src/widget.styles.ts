/**
 * The widget's CSS, inside its shadow root: the page's styles cannot reach it, and it cannot
 * reach the page. `:host` resets everything the page might have set on the host element.
 */
export const WIDGET_CSS = `
:host { all: initial !important; }
* { box-sizing: border-box; }
.root { position: fixed; bottom: 16px; z-index: 2147483000; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; }
.root.right { right: 16px; } .root.left { left: 16px; }
.launcher { display: flex; align-items: center; gap: 8px; border: 0; border-radius: 999px; padding: 12px 18px; font: inherit; font-weight: 600; cursor: pointer; background: var(--accent); color: var(--on-accent); box-shadow: 0 6px 20px rgba(0,0,0,.25); }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #111827; outline-offset: 2px; }
.panel { position: absolute; bottom: 64px; width: min(380px, calc(100vw - 32px)); height: min(560px, calc(100vh - 100px)); display: flex; flex-direction: column; background: #ffffff; border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.3); overflow: hidden; }
.root.right .panel { right: 0; } .root.left .panel { left: 0; }
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 12px 14px; background: var(--accent); color: var(--on-accent); }
.head h2 { margin: 0; font-size: 16px; }
.close { border: 0; background: transparent; color: inherit; font: inherit; font-size: 22px; line-height: 1; cursor: pointer; padding: 4px 8px; border-radius: 6px; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f9fafb; }
.msg, .notice, .typing, .state { margin: 0; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; background: var(--accent); color: var(--on-accent); }
.msg.assistant, .msg.staff { align-self: flex-start; background: #ffffff; border: 1px solid #d1d5db; }
.msg.staff { border-color: #6b7280; }
.who { display: block; font-size: 12px; font-weight: 600; color: #374151; }
.notice { align-self: stretch; padding: 8px 10px; border-radius: 8px; font-size: 14px; background: #eef2ff; color: #1e1b4b; }
.notice.urgent { background: #fef3c7; color: #78350f; }
.notice.safety { background: #fee2e2; color: #7f1d1d; font-weight: 600; }
.typing { align-self: flex-start; color: #374151; font-size: 14px; }
.state { padding: 16px; color: #374151; }
.state p { margin: 0 0 8px; }
.state [role=alert] { font-weight: 600; color: #111827; }
.retry { border: 1px solid #6b7280; border-radius: 8px; padding: 6px 14px; font: inherit; cursor: pointer; background: #ffffff; color: #111827; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e5e7eb; background: #ffffff; }
textarea { flex: 1; resize: none; min-height: 42px; max-height: 120px; padding: 10px; border: 1px solid #6b7280; border-radius: 10px; font: inherit; color: #111827; background: #ffffff; }
.send { border: 0; border-radius: 10px; padding: 0 16px; font: inherit; font-weight: 600; cursor: pointer; background: var(--accent); color: var(--on-accent); }
.send:disabled { opacity: .6; cursor: default; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .root { bottom: 12px; } .root.right { right: 12px; } .root.left { left: 12px; }
  .panel { position: fixed; inset: 8px 8px 76px 8px; width: auto; height: auto; }
}
`;
