import { createPinia } from 'pinia';
import { createApp } from 'vue';
import 'vant/es/toast/style';
import 'vant/es/dialog/style';
import 'vant/es/notify/style';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { installGuard } from './router/guard';
import { usePreferences } from './stores/preferences';
import './styles/base.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
usePreferences(); // language, text size and contrast before the first paint
installGuard(router);
app.use(router);
app.mount('#app');
