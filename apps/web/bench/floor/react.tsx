// React DOM alone, for the web's floor (scripts/web-floor.js).
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>مئة</h1>);
