import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

// Every other plugin (NKP Lifecycle included) is discovered from package.json (app.packages: all).
export default createApp({
  features: [catalogPlugin, navModule, homeModule, signInModule],
});
