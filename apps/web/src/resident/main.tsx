import '../shared/i18n.ts';
import './resident.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { makeQueryClient } from '../shared/session.ts';
import { App } from './App.tsx';

// antd-mobile's imperative Toast/Dialog need to be told how React 19 renders.
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { _linliRoot?: Root };
  host._linliRoot ??= createRoot(container);
  const root = host._linliRoot;
  root.render(node);
  return async () => {
    await Promise.resolve();
    root.unmount();
    delete host._linliRoot;
  };
});

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      <QueryClientProvider client={makeQueryClient()}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
}
