import { mount } from 'svelte';
import App from './viz/App.svelte';
import { initLanguage } from './viz/state/language.svelte';
import './viz/global.css';

initLanguage();
mount(App, { target: document.getElementById('app')! });
