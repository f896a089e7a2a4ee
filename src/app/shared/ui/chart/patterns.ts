/**
 * Fill patterns so a verdict is told by pattern as well as colour (WCAG 1.4.1): solid for positive,
 * diagonal hatching for grey zone, dots for negative. Falls back to the plain colour where a canvas
 * cannot be made (tests without layout).
 */
export type FillPattern = 'solid' | 'hatch' | 'dots';

export function patternFill(color: string, pattern: FillPattern): string | CanvasPattern {
  if (pattern === 'solid' || typeof document === 'undefined') return color;
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 8, 8);
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  if (pattern === 'hatch') {
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(0, 8);
    ctx.lineTo(8, 0);
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(6, 10);
    ctx.lineTo(10, 6);
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.arc(4, 4, 2, 0, Math.PI * 2);
    ctx.fill();
  }
  return ctx.createPattern(tile, 'repeat') ?? color;
}
