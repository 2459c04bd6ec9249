// React DOM and React Router, for the web's floor (scripts/web-floor.js).
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';

const router = createBrowserRouter([{ path: '/', element: <h1>مئة</h1> }]);
createRoot(document.getElementById('root')!).render(<RouterProvider router={router} />);
