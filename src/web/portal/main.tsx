import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalPage } from './PortalPage';
import './portal.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PortalPage />
  </StrictMode>,
);
