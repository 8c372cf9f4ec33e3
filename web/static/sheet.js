// The character bar and the full sheet. Field names are exactly the CharacterSheet JSON ones, read only
// through the v() accessor so that SheetFieldsTest can check every path against the Java record.

import { el, clear, v, signed } from './util.js';

const ABILITIES = [['str', 'STR'], ['dex', 'DEX'], ['con', 'CON'], ['int', 'INT'], ['wis', 'WIS'], ['cha', 'CHA']];
const SKILLS = [['Acrobatics', 'dex'], ['Animal Handling', 'wis'], ['Arcana', 'int'], ['Athletics', 'str'],
  ['Deception', 'cha'], ['History', 'int'], ['Insight', 'wis'], ['Intimidation', 'cha'], ['Investigation', 'int'],
  ['Medicine', 'wis'], ['Nature', 'int'], ['Perception', 'wis'], ['Performance', 'cha'], ['Persuasion', 'cha'],
  ['Religion', 'int'], ['Sleight of Hand', 'dex'], ['Stealth', 'dex'], ['Survival', 'wis']];

/** Renders the always-visible bar and, on tap, the full sheet. */
export class SheetView {
  constructor(ids) {
    this.bar = ids.bar;
    this.panel = ids.panel;
    this.body = ids.body;
    this.title = ids.title;
    this.parts = ids.parts;
    this.sheet = null;
    // onRoll(kind, name, edge, label) asks the server for a roll; it answers with a note for the sheet
    this.onRoll = ids.onRoll || (async () => '');
    this.edge = 'normal';
    this.bar.addEventListener('click', () => this.open(true));
    ids.close.addEventListener('click', () => this.open(false));
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.open(false); });
  }

  open(show) {
    if (show && !this.sheet) return;
    this.panel.hidden = !show;
    this.bar.setAttribute('aria-expanded', String(show));
    if (show) this.body.scrollTop = 0;
  }

  update(s) {
    this.sheet = s;
    this.renderBar(s);
    this.renderSheet(s);
  }

  renderBar(s) {
    const p = this.parts;
    const cur = v(s, 'hp.current'), max = v(s, 'hp.max'), temp = v(s, 'hp.temp');
    p.name.textContent = v(s, 'name');
    p.hp.textContent = cur + '/' + max + (temp ? ' +' + temp : '') + ' HP';
    const ratio = max > 0 ? Math.max(0, Math.min(1, cur / max)) : 0;
    p.fill.style.width = Math.round(ratio * 100) + '%';
    p.fill.className = 'hpfill' + (ratio <= 0.25 ? ' crit' : ratio <= 0.5 ? ' low' : '');
    p.ac.textContent = 'AC ' + v(s, 'armorClass');
    p.level.textContent = 'Lv ' + v(s, 'level');
    clear(p.conds);
    const conds = (v(s, 'conditions') || []).slice();
    if (v(s, 'downed')) conds.unshift('downed');
    conds.forEach((c) => p.conds.appendChild(el('span', 'chip', c)));
    this.bar.hidden = false;
    this.bar.classList.remove('nosheet');
  }

  renderSheet(s) {
    this.title.textContent = v(s, 'name');
    const b = this.body;
    clear(b);
    b.appendChild(el('p', 'sub', identity(s)));
    b.appendChild(vitals(s));
    b.appendChild(this.rollBar());
    const roll = (kind, name, label) => this.roll(kind, name, label);
    section(b, 'Abilities — tap to roll a check', abilities(s, roll));
    section(b, 'Saving throws — tap to roll', saves(s, roll));
    section(b, 'Skills — tap to roll', skills(s, roll));
    section(b, 'Attacks — tap to roll to hit', attacks(s, roll));
    section(b, 'Equipment & inventory', inventory(s));
    section(b, 'Spells', spells(s));
    section(b, 'Features & traits', features(s));
    section(b, 'Languages', el('p', null, (v(s, 'languages') || []).join(', ') || '—'));
    if (v(s, 'notes')) section(b, 'Notes', el('p', null, v(s, 'notes')));
  }
}

/** Advantage / normal / disadvantage for the next roll, and the line that says what became of it. */
SheetView.prototype.rollBar = function rollBar() {
  const box = el('div', 'rollbar');
  const group = el('div', 'edge');
  group.setAttribute('role', 'radiogroup');
  group.setAttribute('aria-label', 'Roll with');
  [['disadvantage', 'Disadvantage'], ['normal', 'Normal'], ['advantage', 'Advantage']].forEach(([key, label]) => {
    const b = el('button', 'edge-opt', label);
    b.type = 'button';
    b.dataset.edge = key;
    b.setAttribute('role', 'radio');
    b.setAttribute('aria-checked', String(this.edge === key));
    b.addEventListener('click', () => {
      this.edge = key;
      group.querySelectorAll('.edge-opt').forEach((o) => o.setAttribute('aria-checked', String(o.dataset.edge === key)));
    });
    group.appendChild(b);
  });
  box.appendChild(group);
  this.rollNote = el('p', 'roll-note');
  this.rollNote.id = 'roll-note';
  this.rollNote.setAttribute('role', 'status');
  box.appendChild(this.rollNote);
  return box;
};

/** Asks for one roll; the result arrives in the story as a roll card, rolled by the server. */
SheetView.prototype.roll = async function roll(kind, name, label) {
  const edge = this.edge;
  this.rollNote.classList.remove('err');
  this.rollNote.textContent = 'Rolling ' + label + (edge === 'normal' ? '' : ' with ' + edge) + '…';
  const problem = await this.onRoll(kind, name, edge);
  if (problem) {
    this.rollNote.classList.add('err');
    this.rollNote.textContent = problem;
  } else {
    this.rollNote.textContent = label + ' asked for' + (edge === 'normal' ? '' : ' with ' + edge)
      + ': the DM\'s dice roll it and the result appears in the story.';
  }
};

function rollButton(kind, name, label, bonus, prof, roll) {
  const b = el('button', 'rollbtn' + (prof ? ' prof' : ''));
  b.type = 'button';
  b.dataset.roll = kind + ':' + name;
  b.appendChild(el('span', 'rl', label));
  b.appendChild(el('b', null, bonus));
  b.setAttribute('aria-label', 'Roll ' + label + ' ' + bonus + (prof ? ', proficient' : ''));
  b.addEventListener('click', () => roll(kind, name, label));
  return b;
}

function identity(s) {
  const classes = (v(s, 'classes') || []).map((c) => v(c, 'classes[].name') + ' ' + v(c, 'classes[].level')
    + (v(c, 'classes[].subclass') ? ' (' + v(c, 'classes[].subclass') + ')' : '')).join(' / ');
  const who = v(s, 'playerName') ? ' · played by ' + v(s, 'playerName') : '';
  return [v(s, 'race'), classes, v(s, 'background'), v(s, 'alignment')].filter(Boolean).join(' · ') + who;
}

function vitals(s) {
  const dl = el('dl', 'kv');
  pair(dl, 'Hit points', v(s, 'hp.current') + ' / ' + v(s, 'hp.max') + (v(s, 'hp.temp') ? ' (+' + v(s, 'hp.temp') + ' temp)' : ''));
  pair(dl, 'Armor class', v(s, 'armorClass'));
  pair(dl, 'Level', v(s, 'level'));
  pair(dl, 'Proficiency bonus', signed(v(s, 'proficiencyBonus')));
  pair(dl, 'Speed', v(s, 'speed') + ' ft');
  (v(s, 'hitDice') || []).forEach((d) => pair(dl, 'Hit dice d' + v(d, 'hitDice[].die'),
    v(d, 'hitDice[].remaining') + ' / ' + v(d, 'hitDice[].total')));
  if (v(s, 'downed')) {
    pair(dl, 'Death saves', '✔ ' + v(s, 'deathSaves.successes') + '  ✖ ' + v(s, 'deathSaves.failures'));
  }
  const conds = v(s, 'conditions') || [];
  if (conds.length) pair(dl, 'Conditions', conds.join(', '));
  const c = v(s, 'currency');
  if (c) {
    pair(dl, 'Coins', [[v(s, 'currency.pp'), 'pp'], [v(s, 'currency.gp'), 'gp'], [v(s, 'currency.ep'), 'ep'],
      [v(s, 'currency.sp'), 'sp'], [v(s, 'currency.cp'), 'cp']].map(([n, k]) => n + ' ' + k).join(' · '));
  }
  return dl;
}

function abilities(s, roll) {
  const grid = el('div', 'abilities');
  ABILITIES.forEach(([key, label]) => {
    const box = el('button', 'ab');
    box.type = 'button';
    box.dataset.roll = 'check:' + label;
    box.addEventListener('click', () => roll('check', label, label + ' check'));
    box.appendChild(el('small', null, label));
    box.appendChild(el('b', null, signed(mod(s, key))));
    box.appendChild(el('small', null, score(s, key)));
    // the name starts with what is visible (axe: label-content-name-mismatch); the hint is for screen readers
    box.appendChild(el('span', 'sr-only', ', roll a check'));
    grid.appendChild(box);
  });
  return grid;
}

function score(s, key) {
  switch (key) {
    case 'str': return v(s, 'abilities.str');
    case 'dex': return v(s, 'abilities.dex');
    case 'con': return v(s, 'abilities.con');
    case 'int': return v(s, 'abilities.int');
    case 'wis': return v(s, 'abilities.wis');
    default: return v(s, 'abilities.cha');
  }
}

function mod(s, key) {
  switch (key) {
    case 'str': return v(s, 'abilities.modifiers.str') ?? 0;
    case 'dex': return v(s, 'abilities.modifiers.dex') ?? 0;
    case 'con': return v(s, 'abilities.modifiers.con') ?? 0;
    case 'int': return v(s, 'abilities.modifiers.int') ?? 0;
    case 'wis': return v(s, 'abilities.modifiers.wis') ?? 0;
    default: return v(s, 'abilities.modifiers.cha') ?? 0;
  }
}

function saves(s, roll) {
  const box = el('div', 'rolls');
  const profs = (v(s, 'saveProficiencies') || []).map((x) => String(x).toUpperCase());
  ABILITIES.forEach(([key, label]) => {
    const prof = profs.includes(label);
    box.appendChild(rollButton('save', label, label + ' save', signed(mod(s, key) + (prof ? v(s, 'proficiencyBonus') : 0)),
      prof, roll));
  });
  return box;
}

function skills(s, roll) {
  const box = el('div', 'rolls');
  const profs = (v(s, 'skillProficiencies') || []).map((x) => String(x).toLowerCase());
  SKILLS.forEach(([name, ab]) => {
    const prof = profs.includes(name.toLowerCase());
    box.appendChild(rollButton('skill', name, name, signed(mod(s, ab) + (prof ? v(s, 'proficiencyBonus') : 0)), prof, roll));
  });
  return box;
}

/** Equipped items that may be weapons (not armor or shields), plus an unarmed strike; the server knows the rules. */
function attacks(s, roll) {
  const box = el('div', 'rolls');
  (v(s, 'inventory') || []).filter((it) => v(it, 'inventory[].equipped'))
    .filter((it) => !/armor|armour|shield|mail|robe|clothes/i.test(v(it, 'inventory[].name') + ' ' + (v(it, 'inventory[].slot') || '')))
    .forEach((it) => {
      const name = v(it, 'inventory[].name');
      box.appendChild(rollButton('attack', name, name, 'to hit', false, roll));
    });
  box.appendChild(rollButton('attack', 'Unarmed strike', 'Unarmed strike', 'to hit', false, roll));
  return box;
}

function inventory(s) {
  const items = (v(s, 'inventory') || []).slice()
    .sort((a, b) => Number(!!v(b, 'inventory[].equipped')) - Number(!!v(a, 'inventory[].equipped')));
  const ul = el('ul', 'list');
  items.forEach((it) => {
    const q = v(it, 'inventory[].quantity');
    const li = el('li', null, v(it, 'inventory[].name') + (q > 1 ? ' ×' + q : ''));
    if (v(it, 'inventory[].equipped')) {
      const slot = v(it, 'inventory[].slot');
      li.appendChild(el('small', null, 'equipped' + (slot ? ' · ' + String(slot).replace(/_/g, ' ') : '')));
    }
    if (v(it, 'inventory[].description')) li.appendChild(el('small', null, v(it, 'inventory[].description')));
    ul.appendChild(li);
  });
  if (!items.length) ul.appendChild(el('li', 'empty', 'Nothing carried'));
  return ul;
}

function spells(s) {
  const wrap = el('div');
  const ability = v(s, 'spellcastingAbility');
  const slots = v(s, 'spellSlots') || [];
  const known = v(s, 'spells') || [];
  if (!ability && !slots.length && !known.length) return el('p', 'empty', 'No spellcasting');
  if (ability) wrap.appendChild(el('p', 'sub', 'Spellcasting ability: ' + ability));
  const dl = el('dl', 'kv');
  slots.forEach((sl) => {
    const max = v(sl, 'spellSlots[].max'), used = v(sl, 'spellSlots[].used');
    const dd = '●'.repeat(Math.max(0, max - used)) + '○'.repeat(Math.max(0, used));
    pair(dl, 'Level ' + v(sl, 'spellSlots[].level') + ' slots (' + (max - used) + '/' + max + ')', dd).classList.add('slots');
  });
  wrap.appendChild(dl);
  const ul = el('ul', 'list');
  known.slice().sort((a, b) => v(a, 'spells[].level') - v(b, 'spells[].level')).forEach((sp) => {
    const lvl = v(sp, 'spells[].level');
    const li = el('li', null, v(sp, 'spells[].name'));
    li.appendChild(el('small', null, (lvl === 0 ? 'Cantrip' : 'Level ' + lvl)
      + (v(sp, 'spells[].prepared') ? ' · prepared' : '')
      + (v(sp, 'spells[].description') ? ' · ' + v(sp, 'spells[].description') : '')));
    ul.appendChild(li);
  });
  wrap.appendChild(ul);
  return wrap;
}

function features(s) {
  const ul = el('ul', 'list');
  (v(s, 'features') || []).forEach((f) => {
    const li = el('li', null, v(f, 'features[].name'));
    const meta = [v(f, 'features[].source'), v(f, 'features[].description')].filter(Boolean).join(' · ');
    if (meta) li.appendChild(el('small', null, meta));
    ul.appendChild(li);
  });
  if (!ul.firstChild) ul.appendChild(el('li', 'empty', 'None yet'));
  return ul;
}

function section(parent, title, content) {
  parent.appendChild(el('h3', null, title));
  parent.appendChild(content);
}

function pair(dl, k, val, prof) {
  dl.appendChild(el('dt', prof ? 'prof' : null, k));
  const dd = el('dd', null, val);
  dl.appendChild(dd);
  return dd;
}
