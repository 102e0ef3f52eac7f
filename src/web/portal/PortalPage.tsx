/** The residents' front door. Plain React and CSS on purpose: it must stay small on a phone. */
const SERVICES = [
  { title: '公开征集', text: '提出您希望政府今年办理的民生实事建议' },
  { title: '项目进展', text: '查看已确定的民生实事项目每月进展' },
  { title: '满意度测评', text: '年底为民生实事项目的办理情况打分' },
];

export function PortalPage() {
  return (
    <main className="portal">
      <header className="portal-header">
        <h1>民生实事</h1>
        <p>群众点单、政府办事、人大票决、社会评价</p>
      </header>
      <ul className="portal-services">
        {SERVICES.map((s) => (
          <li key={s.title}>
            <h2>{s.title}</h2>
            <p>{s.text}</p>
            <span className="portal-soon">即将开放</span>
          </li>
        ))}
      </ul>
      <footer className="portal-footer">公开征集 / 项目进展 / 满意度测评 — 即将开放</footer>
    </main>
  );
}
