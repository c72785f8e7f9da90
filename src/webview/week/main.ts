// The This Week webview: a stacked bar chart of the week and, for screen readers and keyboards, the
// same figures as a real table. Runs in the webview only (its own bundle, dist/webview/week.js);
// everything it shows is set with textContent, and it accepts only messages that pass the checks.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { categories } from '../../core/week/aggregateWeek';
import { asHostMessage, type ViewMessage, type WeekViewData } from '../../core/week/weekMessages';
import { fillWords, isWeekWords, type WeekWords } from '../../core/week/weekWords';
import { renderTable, tableKeys } from './weekTable';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

declare function acquireVsCodeApi(): { postMessage(message: ViewMessage): void };
const vscode = acquireVsCodeApi();

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

/** Theme colours come from VS Code's CSS variables, so the chart follows light, dark and high-contrast themes. */
function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

const categoryColour = {
  deepWork: '--vscode-charts-blue',
  review: '--vscode-charts-green',
  meetings: '--vscode-charts-orange',
  planning: '--vscode-charts-purple',
} as const;

/** The host's words for this page (the display language), handed over with the HTML. */
function pageWords(): WeekWords {
  const words: unknown = JSON.parse(document.body.dataset.words ?? 'null');
  if (!isWeekWords(words)) throw new Error('the page has no words');
  return words;
}
const words = pageWords();

let chart: Chart | undefined;
let activeDay = -1;

function chartData(data: WeekViewData) {
  const labels = data.days.map((d) => d.label);
  const bars = categories.map((c) => ({
    type: 'bar' as const,
    label: words.categories[c],
    data: data.days.map((d) => round(d.within[c])),
    backgroundColor: themeColour(categoryColour[c], '#888'),
    stack: 'working',
  }));
  const outside = {
    type: 'bar' as const,
    label: words.outside,
    data: data.days.map((d) => round(categories.reduce((sum, c) => sum + d.outside[c], 0))),
    backgroundColor: themeColour('--vscode-disabledForeground', '#888'),
    stack: 'outside',
  };
  const target = {
    type: 'line' as const,
    label: fillWords(words.target, data.targetPercent),
    data: data.days.map((d) => round(d.targetHours)),
    borderColor: themeColour('--vscode-charts-red', '#c00'),
    backgroundColor: themeColour('--vscode-charts-red', '#c00'),
    borderDash: [6, 4],
    pointStyle: 'line' as const,
    pointRadius: 8,
    showLine: false,
  };
  return { labels, datasets: [...bars, outside, target] };
}

const round = (hours: number) => Math.round(hours * 10) / 10;

function drawChart(data: WeekViewData): void {
  const canvas = element<HTMLCanvasElement>('chart');
  const foreground = themeColour('--vscode-foreground', '#888');
  const grid = themeColour('--vscode-charts-lines', 'rgba(128,128,128,0.3)');
  if (!chart) {
    chart = new Chart(canvas, {
      data: chartData(data),
      options: {
        // Drawn at once: the view opens often, and motion helps nobody read hours.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, ticks: { color: foreground }, grid: { color: grid } },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: words.hoursAxis, color: foreground }, ticks: { color: foreground }, grid: { color: grid } },
        },
        plugins: { legend: { labels: { color: foreground, boxWidth: 12 } } },
      },
    });
  } else {
    chart.data = chartData(data);
    chart.update();
  }
  canvas.setAttribute('aria-label', fillWords(words.chartLabel, data.line));
  activeDay = -1;
}

/** Left and right arrows on the focused chart walk the days and show each one's figures. */
function showDay(index: number): void {
  if (!chart) return;
  const days = chart.data.labels?.length ?? 0;
  if (days === 0) return;
  activeDay = (index + days) % days;
  const active = chart.data.datasets.map((_, datasetIndex) => ({ datasetIndex, index: activeDay }));
  chart.setActiveElements(active);
  chart.tooltip?.setActiveElements(active, { x: 0, y: 0 });
  chart.update();
}

function render(data: WeekViewData): void {
  element('title').textContent = data.title;
  element('line').textContent = data.line;
  element<HTMLButtonElement>('previous').disabled = !data.canGoBack;
  element<HTMLButtonElement>('next').disabled = !data.canGoForward;
  element<HTMLButtonElement>('current').disabled = !data.canGoForward;
  const notes = element('notes');
  notes.replaceChildren(...data.notes.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  const figures = element('figures');
  figures.replaceChildren(
    ...data.figures.flatMap((f) => [Object.assign(document.createElement('dt'), { textContent: f.label }), Object.assign(document.createElement('dd'), { textContent: f.value })]),
  );
  const items = element('items');
  items.replaceChildren(
    ...data.items.map((i) => {
      const li = document.createElement('li');
      const title = document.createElement('span');
      title.className = 'item-title';
      title.textContent = i.title;
      li.append(title, document.createTextNode(` · ${words.categories[i.category]} · ${i.hours}`));
      return li;
    }),
  );
  element('items-empty').hidden = data.items.length > 0;
  renderTable(element<HTMLTableElement>('table'), data, words);
  drawChart(data);
  document.body.dataset.week = data.week;
  document.body.dataset.state = 'ready';
}

function go(to: 'previous' | 'next' | 'current'): void {
  vscode.postMessage({ type: 'go', to });
}

element('previous').addEventListener('click', () => go('previous'));
element('next').addEventListener('click', () => go('next'));
element('current').addEventListener('click', () => go('current'));
tableKeys(element<HTMLTableElement>('table'));
element('chart').addEventListener('keydown', (e) => {
  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    e.preventDefault();
    showDay(activeDay + (e.key === 'ArrowRight' ? 1 : -1));
  }
});
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = asHostMessage(event.data);
  if (!message) return;
  if (message.type === 'week') render(message.data);
  else {
    element('line').textContent = message.text;
    document.body.dataset.state = 'error';
  }
});
vscode.postMessage({ type: 'ready' });
