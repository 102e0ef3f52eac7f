import { Link } from 'react-router';
import { EvaluationList } from '../evaluation/EvaluationList';

/** The residents' front door. Plain React and CSS on purpose: it must stay small on a phone. */
const SERVICES = [
  { title: '公开征集', text: '提出您希望政府今年办理的民生实事建议', to: '/portal/suggest' },
  { title: '项目进展', text: '查看民生实事项目的进度和完成情况', to: '/portal/projects' },
  { title: '建议查询', text: '凭查询码查看您的建议办理情况和答复', to: '/portal/track' },
  { title: '建议答复', text: '查看各部门对群众建议的公开答复', to: '/portal/answers' },
  { title: '代表投票', text: '人大代表凭选票凭证码进行民生实事项目票决', to: '/portal/vote' },
  { title: '回执核验', text: '代表凭回执码核实自己的选票、测评票已被计入', to: '/portal/receipt' },
];

export function PortalHome() {
  return (
    <main className="portal">
      <header className="portal-header">
        <h1>民生实事</h1>
        <p>群众点单、政府办事、人大票决、社会评价</p>
      </header>
      <ul className="portal-services">
        {SERVICES.map((s) => (
          <li key={s.title}>
            <Link to={s.to}>
              <h2>{s.title}</h2>
              <p>{s.text}</p>
            </Link>
          </li>
        ))}
      </ul>
      <EvaluationList />
      <footer className="portal-footer">民生实事 · 公众服务</footer>
    </main>
  );
}
