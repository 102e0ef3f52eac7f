import { Link } from 'react-router';

export function PortalNotFound() {
  return (
    <main className="portal">
      <header className="portal-header">
        <h1>页面不存在</h1>
        <p>您访问的页面不存在或已下线。</p>
      </header>
      <p className="portal-back">
        <Link to="/portal">返回民生实事公众服务首页</Link>
      </p>
    </main>
  );
}
