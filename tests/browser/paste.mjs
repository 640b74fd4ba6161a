// "PyTorch in" in the page (issue 12): a pasted torch.optim constructor (+ scheduler line) becomes
// a run, through the JS API (adamlab.pastePyTorch) and through the "Paste PyTorch" field with a
// real Ctrl+V and real clicks on its buttons; refusals name the position and change nothing.
//   node paste.mjs URL [ARTIFACT_DIR]
import path from 'node:path';
import { artifacts, assert, check, checkNoConsoleMessages, finish, open, startBrowser, frames, press, clickRect } from './harness.mjs';

const ADAM = 'opt = torch.optim.Adam(model.parameters(), lr=3e-4, betas=(0.9, 0.98), eps=1e-9, weight_decay=0.01, amsgrad=True)\n' +
             'sched = torch.optim.lr_scheduler.StepLR(opt, step_size=30, gamma=0.1)';
const ADAM_SPEC = 'adam:lr=0.0003,beta1=0.9,beta2=0.98,eps=1e-09,weight_decay=0.01,amsgrad=true';

// The state without what moves by itself or with the pointer.
function stable(s) {
  const c = JSON.parse(JSON.stringify(s));
  delete c.uiTyping;
  return JSON.stringify(c);
}
const state = page => page.evaluate(() => adamlab.getState());
const field = page => page.evaluate(() => adamlab.pasteField());
function runById(s, id) { return s.runs.find(r => r.id === id); }

await startBrowser();
const page = await open({ viewport: { width: 1280, height: 800 } }, '1280x800');
await page.evaluate(() => adamlab.pause());

await check('pastePyTorch adds the run with the pasted options and scheduler, selected', async () => {
  const before = await state(page);
  const r = await page.evaluate(t => { const r = adamlab.pastePyTorch(t); delete r.state; return r; }, ADAM);
  const s = await state(page);
  assert(s.runs.length === before.runs.length + 1, `runs ${before.runs.length} -> ${s.runs.length}`);
  const run = runById(s, r.id);
  assert(run && run.optimizer.startsWith('adam:lr=0.0003,beta1=0.9,beta2=0.98,eps=1e-09,weight_decay=0.01,amsgrad=true'), JSON.stringify(run));
  assert(run.scheduler === 'step:step_size=30,gamma=0.1', run.scheduler);
  assert(r.optimizer === ADAM_SPEC && r.scheduler === run.scheduler && r.mode === 'landscape', JSON.stringify(r));
  assert(s.selected === r.id, `selected ${s.selected}, pasted ${r.id}`);
  return run.optimizer + ' @ ' + run.scheduler;
});

await check('pastePyTorch with {id} replaces that run; positional arguments in torch\'s order', async () => {
  const id = (await state(page)).runs[0].id;
  const r = await page.evaluate(id => adamlab.pastePyTorch('torch.optim.SGD(params, 0.05, 0.9, 0, 0, True)', { id }), id);
  const run = runById(await state(page), id);
  assert(r.id === id && run.optimizer.startsWith('sgd:lr=0.05,momentum=0.9,dampening=0,weight_decay=0,nesterov=true'), JSON.stringify(run));
  assert(run.scheduler === '', run.scheduler);
  return run.optimizer;
});

await check('refused pastes name the position and change nothing', async () => {
  const cases = [
    ['torch.optim.Adam(model.parameters(), lr=-1)', 'Invalid learning rate: -1 at line 1, column 38'],
    ['torch.optim.Adan(model.parameters())', "(did you mean 'Adam'?) at line 1, column 1"],
    ['torch.optim.Adam(model.parameters(), capturable=True)', 'capturable=True cannot run here'],
    ["torch.optim.Adam([{'params': model.parameters()}], lr=1e-3)", 'parameter groups are not supported'],
    ['opt = torch.optim.Adam(model.parameters(), lr=base_lr)', "cannot resolve 'base_lr'"],
    ['opt = SGD(p, lr=0.1)\nStepLR(opt, step_size=0)', 'at line 2, column 13'],
  ];
  const before = stable(await state(page));
  const link = await page.evaluate(() => adamlab.getLink());
  for (const [text, part] of cases) {
    const message = await page.evaluate(t => { try { adamlab.pastePyTorch(t); return 'accepted'; } catch (e) { return e.message; } }, text);
    assert(message.includes(part), `${text}: ${message}`);
  }
  const updateMissing = await page.evaluate(() => { try { adamlab.pastePyTorch('Adam(p)', { id: 999 }); return 'accepted'; } catch (e) { return e.message; } });
  assert(/no run with id 999/.test(updateMissing), updateMissing);
  const tooLong = await page.evaluate(() => { try { adamlab.pastePyTorch('Adam(p)' + ' '.repeat(9000)); return 'accepted'; } catch (e) { return e.message; } });
  assert(/paste too long: 9007 characters \(at most 8192\)/.test(tooLong), tooLong);
  assert(stable(await state(page)) === before, 'the state changed');
  assert(await page.evaluate(() => adamlab.getLink()) === link, 'the link changed');
  return `${cases.length + 2} refusals`;
});

await check('in network mode the paste adds a network run', async () => {
  await page.evaluate(() => { adamlab.setMode('network'); adamlab.pause(); });
  const before = await state(page);
  const r = await page.evaluate(() => { const r = adamlab.pastePyTorch('optimizer = optim.AdamW(model.parameters(), lr=0.01)\nscheduler = CosineAnnealingLR(optimizer, T_max=100)'); delete r.state; return r; });
  const s = await state(page);
  const run = runById(s, r.id);
  assert(s.mode === 'network' && r.mode === 'network' && s.runs.length === before.runs.length + 1, JSON.stringify(r));
  assert(run.optimizer.startsWith('adamw:lr=0.01,') && run.scheduler === 'cosine:T_max=100,eta_min=0', JSON.stringify(run));
  assert(s.network.selected === r.id, `selected ${s.network.selected}`);
  await page.evaluate(() => { adamlab.setMode('landscape'); adamlab.pause(); });
  return run.optimizer;
});

let pasteEvents = 0;
await check('Ctrl+V pastes the clipboard into the "Paste PyTorch" field; "Add run" adds it', async () => {
  await page.evaluate(() => { window.__pastes = 0; addEventListener('paste', () => window.__pastes++, true); });
  await frames(page);
  const f = await field(page);
  assert(f.drawn && f.field.width > 100 && f.field.height > 40, JSON.stringify(f));
  await clickRect(page, f.field);
  assert((await state(page)).uiTyping, 'the click did not focus the field');
  const text = '# from train.py\noptimizer = torch.optim.RMSprop(model.parameters(), lr=0.005, alpha=0.95, momentum=0.5)\n';
  // The system clipboard as a user has it; Ctrl+V as keys; the browser's paste event follows the keydown.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(t => navigator.clipboard.writeText(t), text);
  await press(page, 'Control', 'v');
  await frames(page);
  pasteEvents = await page.evaluate(() => window.__pastes);
  let got = (await field(page)).text;
  assert(pasteEvents >= 1, 'no paste event reached the page');
  assert(got === text, `field holds ${JSON.stringify(got)}`);
  const before = await state(page);
  await clickRect(page, (await field(page)).add);
  const s = await state(page);
  assert(s.runs.length === before.runs.length + 1, `runs ${before.runs.length} -> ${s.runs.length}`);
  const run = s.runs[s.runs.length - 1];
  assert(run.optimizer.startsWith('rmsprop:lr=0.005,alpha=0.95,'), run.optimizer);
  assert(run.optimizer.includes('momentum=0.5'), run.optimizer);
  assert(s.selected === run.id, `selected ${s.selected}, added ${run.id}`);
  const after = await field(page);
  assert(after.status.startsWith(`Added run ${run.id}: rmsprop:lr=0.005,alpha=0.95,momentum=0.5`) && after.refusal === '', after.status);
  await page.screenshot({ path: path.join(artifacts, 'paste-added.png') });
  return `${pasteEvents} paste event(s); ${run.optimizer}`;
});

await check('a bad paste in the field shows the error beside it, without moving it, and changes nothing', async () => {
  const f = await field(page);
  await clickRect(page, f.field);
  await press(page, 'Control', 'a');
  await page.evaluate(t => navigator.clipboard.writeText(t), 'torch.optim.Adam(model.parameters(), lr=-1)');
  await press(page, 'Control', 'v');
  await frames(page);
  assert((await field(page)).text === 'torch.optim.Adam(model.parameters(), lr=-1)', (await field(page)).text);
  const before = stable(await state(page));
  await clickRect(page, f.add);
  const after = await field(page);
  assert(after.refusal === 'Invalid learning rate: -1 at line 1, column 38 (nothing changed)', after.refusal);
  assert(stable(await state(page)) === before, 'the state changed');
  assert(JSON.stringify(after.field) === JSON.stringify(f.field) && JSON.stringify(after.add) === JSON.stringify(f.add), 'the field moved');
  assert((await state(page)).uiError === '', 'the panel-wide error line was used');
  await page.screenshot({ path: path.join(artifacts, 'paste-error.png') });
  return after.refusal;
});

await check('"Update selected" replaces the selected run with the field\'s paste', async () => {
  const f = await field(page);
  await clickRect(page, f.field);
  await press(page, 'Control', 'a');
  await page.evaluate(t => navigator.clipboard.writeText(t), 'torch.optim.Adamax(params, 0.01, (0.7, 0.8))');
  await press(page, 'Control', 'v');
  await frames(page);
  const selected = (await state(page)).selected;
  const count = (await state(page)).runs.length;
  await clickRect(page, f.update);
  const s = await state(page);
  const run = runById(s, selected);
  assert(s.runs.length === count && run.optimizer.startsWith('adamax:lr=0.01,beta1=0.7,beta2=0.8,'), JSON.stringify(run));
  assert((await field(page)).status.startsWith(`Updated run ${selected}`), (await field(page)).status);
  return run.optimizer;
});

await checkNoConsoleMessages();
finish([`paste events seen: ${pasteEvents}`]);
