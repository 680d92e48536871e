// A short two-note chime made with Web Audio (no sound file to ship or fetch), at most once per 10 s
// however many guests knock.

export const CHIME_INTERVAL_MS = 10_000;

export class Chime {
  private context?: AudioContext;
  private lastAt = Number.NEGATIVE_INFINITY;

  /** Plays the chime unless it played less than 10 s ago; returns whether it played. */
  play(): boolean {
    const now = Date.now();
    if (now - this.lastAt < CHIME_INTERVAL_MS || typeof AudioContext === 'undefined') return false;
    this.lastAt = now;
    this.context ??= new AudioContext();
    const audio = this.context;
    // A context made before any click starts suspended; resuming may be refused, then the chime is silent.
    void audio.resume?.().catch(() => undefined);
    const gain = audio.createGain();
    gain.connect(audio.destination);
    const start = audio.currentTime;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.5);
    [880, 1320].forEach((frequency, index) => {
      const tone = audio.createOscillator();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(start + index * 0.12);
      tone.stop(start + 0.5);
    });
    return true;
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = undefined;
  }
}
