import { LIGHT_COLORS, LIGHT_LABELS, percent } from './format';
import type { Light } from './progress.api';

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/**
 * One project's progress on a 0–100% scale: the bar is what is done (coloured by its light), the dark
 * line is 序时进度, the orange diamond the plan (计划进度) where the plan sets one.
 */
export function ProgressBar({
  completion,
  elapsed,
  planned,
  light,
  showText = true,
}: {
  completion: number;
  elapsed: number;
  planned: number | null;
  light: Light;
  showText?: boolean;
}) {
  const label = `完成 ${percent(completion)}，序时进度 ${percent(elapsed)}${
    planned !== null ? `，计划进度 ${percent(planned)}` : ''
  }`;
  return (
    <div className="pbar" role="img" aria-label={label} title={label}>
      <div className="pbar-track">
        <div
          className="pbar-fill"
          style={{ width: `${clamp(completion) * 100}%`, background: LIGHT_COLORS[light] }}
        />
        <div className="pbar-elapsed" style={{ left: `${clamp(elapsed) * 100}%` }} />
        {planned !== null && <div className="pbar-planned" style={{ left: `${clamp(planned) * 100}%` }} />}
      </div>
      {showText && <span className="pbar-text">{percent(completion, 1)}</span>}
    </div>
  );
}

export function ProgressLegend() {
  return (
    <div className="pbar-legend" aria-hidden>
      <span>
        <i className="legend-fill" />
        实际完成
      </span>
      <span>
        <i className="legend-elapsed" />
        序时进度
      </span>
      <span>
        <i className="legend-planned" />
        计划进度
      </span>
    </div>
  );
}

export function LightDot({ light, withText = true }: { light: Light; withText?: boolean }) {
  return (
    <span className="light" title={LIGHT_LABELS[light]}>
      <i className="light-dot" style={{ background: LIGHT_COLORS[light] }} aria-hidden />
      {withText ? LIGHT_LABELS[light] : <span className="visually-hidden">{LIGHT_LABELS[light]}</span>}
    </span>
  );
}
