// The preview page's entry: synthetic shadow first (lightning-base-components and SLDS
// utility classes need it), then the Lightning-like shell.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from 'shell/app';

const root = document.getElementById('root');
if (root) root.appendChild(createElement('shell-app', { is: App }));
