// Hybrid logical clock (sync.md §4): orders ops from many devices and breaks ties. Never used as a cursor.
// Text form sorts lexically in time order: 2026-11-25T10:18:24.000Z-0001-<node>.

export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;
const MAX_COUNTER = 0xffff;

export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

export class HlcError extends Error {
  constructor(
    readonly kind: 'drift' | 'overflow',
    message: string,
  ) {
    super(message);
    this.name = 'HlcError';
  }
}

export function formatHlc(state: HlcState): string {
  return `${new Date(state.millis).toISOString()}-${state.counter.toString(16).padStart(4, '0')}-${state.node}`;
}

export function parseHlc(text: string): HlcState {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-(.+)$/.exec(text);
  if (!m) throw new Error(`not an HLC timestamp: ${text}`);
  return { millis: Date.parse(m[1] ?? ''), counter: parseInt(m[2] ?? '0', 16), node: m[3] ?? '' };
}

/** The next timestamp for a local event. */
export function tickHlc(state: HlcState, nowMs: number): HlcState {
  const millis = Math.max(state.millis, nowMs);
  const counter = millis === state.millis ? state.counter + 1 : 0;
  if (counter > MAX_COUNTER) {
    throw new HlcError('overflow', '时钟计数溢出：短时间内修改过多或系统时间异常，请检查电脑时间后重试。');
  }
  return { millis, counter, node: state.node };
}

/** Merge a timestamp received from another device. */
export function receiveHlc(state: HlcState, remote: HlcState, nowMs: number): HlcState {
  if (remote.millis - nowMs > MAX_CLOCK_DRIFT_MS) {
    throw new HlcError('drift', '其他设备的时间比本机快 5 分钟以上，请校准本机或对方电脑的系统时间后再同步。');
  }
  const millis = Math.max(state.millis, remote.millis, nowMs);
  let counter: number;
  if (millis === state.millis && millis === remote.millis) counter = Math.max(state.counter, remote.counter) + 1;
  else if (millis === state.millis) counter = state.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) {
    throw new HlcError('overflow', '时钟计数溢出：短时间内修改过多或系统时间异常，请检查电脑时间后重试。');
  }
  return { millis, counter, node: state.node };
}
