import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { call, errorText, type PublicResult } from './portal-api';
import { TallyTable } from './TallyTable';
import './voting.css';
import './screen.css';

interface Screen {
  id: string;
  congress: string;
  sitting: string;
  title: string;
  state: 'draft' | 'open' | 'closed' | 'published';
  stateLabel: string;
  seats: number;
  roll: number;
  present: number;
  issued: number;
  returned: number;
  result: PublicResult | null;
}

const POLL_MS = 3_000;

/** 会场大屏: issued and returned ballots while the vote runs; the result only once counted. */
export function ScreenPage() {
  const { sessionId = '' } = useParams();
  const [screen, setScreen] = useState<Screen | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await call<Screen>(
          `/api/public/voting-sessions/${encodeURIComponent(sessionId)}/screen`,
        );
        if (!live) return;
        setScreen(next);
        setError(null);
        document.title = `${next.congress}${next.sitting} · 大屏`;
        if (next.result) return;
      } catch (e) {
        if (live) setError(errorText(e));
      }
      if (live) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [sessionId]);

  if (!screen) {
    return (
      <main className="screen">{error ? <p className="screen-error">{error}</p> : <p>正在连接…</p>}</main>
    );
  }
  const figures = [
    { label: '应到代表', value: screen.roll },
    { label: '实到代表', value: screen.present },
    { label: '发出选票', value: screen.issued },
    { label: '收回选票', value: screen.returned },
  ];
  const r = screen.result;
  return (
    <main className="screen">
      <header className="screen-header">
        <h1>
          {screen.congress}
          {screen.sitting}
        </h1>
        <p>
          {screen.title} · 应选 {screen.seats} 项 · <span className="screen-state">{screen.stateLabel}</span>
        </p>
      </header>
      <section className="screen-figures" aria-label="签到和收票">
        {figures.map((f) => (
          <div key={f.label} className="screen-figure">
            <span className="screen-figure-label">{f.label}</span>
            <span className="screen-figure-value">{f.value}</span>
          </div>
        ))}
      </section>
      {error && <p className="screen-error">{error}（正在重试）</p>}
      {!r && <p className="screen-wait">投票进行中，计票结束后公布结果</p>}
      {r && (
        <section className="screen-result" aria-label="表决结果">
          {r.valid ? (
            <h2>
              当选项目 {r.elected.length} 项{r.tied.length > 0 && `，尚余 ${r.openSeats} 个名额待另行表决`}
            </h2>
          ) : (
            <h2 className="screen-invalid">本次表决无效：{r.invalidReasons.join('；')}</h2>
          )}
          <TallyTable result={r} big />
        </section>
      )}
    </main>
  );
}
