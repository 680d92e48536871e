// The "live session" on the screen: a canvas animation drawn locally (a speaker on a stage with a
// moving audio meter and a running clock), so the demo needs no video download. It holds still for
// people who ask for reduced motion.

/** `viewersLabel` words the count in the page's language ("120 watching"). */
export function startPlayer(
  canvas: HTMLCanvasElement,
  viewers: HTMLElement,
  viewersLabel: (count: number) => string,
): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const startedAt = performance.now();
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const frame = (now: number) => {
    drawStage(context, canvas.width, canvas.height, (now - startedAt) / 1000);
    viewers.textContent = viewersLabel(120 + Math.round(8 * Math.sin((now - startedAt) / 9000)));
    if (!still) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function drawStage(g: CanvasRenderingContext2D, width: number, height: number, seconds: number) {
  // Backdrop: a slow colour drift and soft stage lights.
  const hue = 220 + 20 * Math.sin(seconds / 7);
  const backdrop = g.createLinearGradient(0, 0, width, height);
  backdrop.addColorStop(0, `hsl(${hue} 55% 18%)`);
  backdrop.addColorStop(1, `hsl(${hue + 50} 60% 10%)`);
  g.fillStyle = backdrop;
  g.fillRect(0, 0, width, height);
  for (let i = 0; i < 3; i++) {
    const x = width * (0.25 + 0.25 * i) + 40 * Math.sin(seconds / 3 + i * 2);
    const light = g.createRadialGradient(x, 0, 0, x, 0, height * 0.9);
    light.addColorStop(0, 'rgb(255 255 255 / 0.16)');
    light.addColorStop(1, 'rgb(255 255 255 / 0)');
    g.fillStyle = light;
    g.fillRect(0, 0, width, height);
  }

  // The speaker: head and shoulders that sway a little while talking.
  const sway = 6 * Math.sin(seconds * 1.3);
  const cx = width / 2 + sway;
  g.fillStyle = 'hsl(30 25% 78%)';
  g.beginPath();
  g.arc(cx, height * 0.42, height * 0.11, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = 'hsl(215 35% 30%)';
  g.beginPath();
  g.ellipse(cx, height * 0.82, height * 0.24, height * 0.2, 0, Math.PI, 0);
  g.fill();

  // Lower third: the audio meter and the running time.
  g.fillStyle = 'rgb(0 0 0 / 0.45)';
  g.fillRect(0, height * 0.86, width, height * 0.14);
  const bars = 24;
  for (let i = 0; i < bars; i++) {
    const level = 0.25 + 0.75 * Math.abs(Math.sin(seconds * 5 + i * 0.7) * Math.cos(seconds * 1.7 + i));
    g.fillStyle = `hsl(${140 - level * 100} 80% 55%)`;
    const barHeight = level * height * 0.08;
    g.fillRect(width * 0.05 + i * 14, height * 0.97 - barHeight, 9, barHeight);
  }
  g.fillStyle = '#fff';
  g.font = `600 ${Math.round(height * 0.045)}px system-ui, sans-serif`;
  g.textAlign = 'right';
  g.fillText(clock(seconds + 754), width * 0.95, height * 0.95);
}

/** The elapsed time as H:MM:SS. */
function clock(seconds: number): string {
  const total = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}
