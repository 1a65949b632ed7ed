// The live stream (server-sent events, GET /map/stream): deltas after the snapshot's sequence
// number, a fresh snapshot whenever the server says we fell behind. The browser reconnects by
// itself (with Last-Event-ID, so no update is lost); a closed stream (e.g. signed out) is
// reopened after a pause, starting from the snapshot again.

export function connectStream(since, { onDelta, onSnapshot, onStatus, reload }) {
  let source = null;
  let stopped = false;

  function open(from) {
    source = new EventSource('/map/stream?since=' + encodeURIComponent(from));
    source.addEventListener('open', () => onStatus('live'));
    source.addEventListener('delta', e => onDelta(JSON.parse(e.data)));
    source.addEventListener('snapshot', e => onSnapshot(JSON.parse(e.data)));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        onStatus('lost');
        source = null;
        if (!stopped) setTimeout(async () => { if (!stopped) open(await reload()); }, 5000);
      } else {
        onStatus('lost');
      }
    });
  }

  open(since);
  return { close() { stopped = true; source?.close(); } };
}
