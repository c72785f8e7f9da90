/**
 * Backpressure for a streamed command (GitSession.stream): while paused, nothing more is handed
 * over; git waits on its full pipe, or, writing to a file, writes on.
 */
export interface StreamFlow {
  pause(): void;
  resume(): void;
}
