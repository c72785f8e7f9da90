import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, sandboxRequests, type LoggedRequest } from './hostEnv';

const isUpdateQuery = (r: LoggedRequest & { graphqlOperation?: string }) => r.method === 'POST' && /^(\/api)?\/graphql/.test(r.path) && r.graphqlOperation === 'LeadDeskWeeklyUpdate';

describe('weekly update', () => {
  let draft: vscode.TextDocument;

  before(async () => {
    await leadDeskExtension().activate();
    draft = (await vscode.commands.executeCommand<vscode.TextDocument>('leadDesk.draftWeeklyUpdate', 'thisWeek'))!;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the draft in an untitled Markdown editor with the expected sections', () => {
    assert.ok(draft, 'the command returned no document');
    assert.equal(draft.isUntitled, true);
    assert.equal(draft.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, draft);
    const headings = draft.getText().split('\n').filter((l) => /^#{1,2} /.test(l)).map((l) => l.replace(/ \(\d+\)$/, '').replace(/: .*$/, ''));
    assert.deepEqual(headings, ['# Weekly update', '## Shipped', '## In progress', '## At risk', '## From me', '## Next week']);
    assert.match(draft.getText(), /- Reviewed \d+ pull requests?/);
  });

  it('read the week with one GraphQL request', async () => {
    const requests = (await sandboxRequests()).filter(isUpdateQuery);
    assert.equal(requests.length, 1, requests.map((r) => `${r.method} ${r.path}`).join(', '));
    assert.equal(requests[0].status, 200);
  });

  it('copies the draft as Markdown', async () => {
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('leadDesk.copyWeeklyUpdate');
    assert.equal(await vscode.env.clipboard.readText(), draft.getText());
  });

  it('explains that Rewrite needs a language model when VS Code offers none, and opens nothing', async () => {
    const models = await vscode.lm.selectChatModels();
    assert.equal(models.length, 0, 'this test expects a host without language models');
    const editors = vscode.workspace.textDocuments.length;
    const result = await vscode.commands.executeCommand('leadDesk.rewriteWeeklyUpdate');
    assert.equal(result, undefined);
    assert.equal(vscode.workspace.textDocuments.length, editors);
  });
});
