import { mount } from 'svelte';
import App from './viz/App.svelte';
import './viz/global.css';

mount(App, { target: document.getElementById('app')! });
