import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';

// The page's entry: its styles, and the app's code fetched once the first frame is painted. A page
// drawn beforehand or on request (decisions 051, 052) is then painted with only its styles to load
// first, instead of sharing a slow line with the app's code; a page drawn in the browser waits a frame.
function loadApp(): void {
  void import('./main');
}

if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(loadApp));
else loadApp();
