// SPDX-License-Identifier: EUPL-1.2
// The gemeenteprofiel as a form: built from a description of its fields (in the stappenplan's order)
// and the knowledge base's vocabulary, read back into a profile object, filled from one. The DOM is
// the only state: what the form shows is what is saved and sent.

import { leesGetal } from './getal.js';

const JANEE = [{ id: 'true', naam: 'ja' }, { id: 'false', naam: 'nee' }];
const JA_NEE_ONBEKEND = [{ id: 'ja', naam: 'ja' }, { id: 'nee', naam: 'nee' }, { id: 'onbekend', naam: 'onbekend' }];
const PARTNERS = [
    { id: 'gemeente', naam: 'gemeente' }, { id: 'politie', naam: 'politie' },
    { id: 'woningcorporatie', naam: 'woningcorporatie' }, { id: 'anders', naam: 'andere partner' },
];
const W_VRAGEN = [
    { id: 'wie', naam: 'wie (welke mensen, welke groepen)' }, { id: 'waar', naam: 'waar (welke buurten of wijken)' },
    { id: 'wanneer', naam: 'wanneer (welke momenten)' }, { id: 'waarom', naam: 'waarom (welke oorzaken)' },
    { id: 'waarvoor', naam: 'waarvoor (waar zijn mensen bang voor)' },
];
const ASPECTEN = [
    { id: 'inhoud', naam: 'inhoud (zijn de maatregelen uitgevoerd?)' },
    { id: 'effect', naam: 'effect (is de beleving veranderd?)' },
    { id: 'proces', naam: 'proces (hoe verliep de samenwerking?)' },
];

// The form in the stappenplan's order: communication is a box of stap 3 there (and sits between
// `analyse` and `beleid` in the profile), so it follows the analysis. `pad` is the place in the
// profile; for rows, `sleutel` is the key inside one row. Keys are listed in the order the contract lists them, which is the order saved
// (a list of rows whose columns are shown in another order names the saved order in `opslaan`).
export function beschrijving(w) {
    const bronnen = w.bronnen.map((b) => ({ id: b.id, naam: b.soort ? `${b.naam} (${b.soort})` : b.naam }));
    return [
        { id: 'gemeente', titel: 'Gemeente', velden: [
            { pad: 'gemeente.naam', label: 'Naam van de gemeente', type: 'tekst', verplicht: true, autocomplete: 'organization' },
            { pad: 'gemeente.inwoners', label: 'Aantal inwoners', type: 'geheel' },
        ] },
        { id: 'drijfveer', titel: 'Stap 1: bepaal de onderliggende drijfveer', velden: [
            { pad: 'drijfveer.bepaald', label: 'Is de onderliggende drijfveer bepaald?', type: 'janee' },
            { pad: 'drijfveer.soort', label: 'Soort drijfveer', type: 'keuze', keuzes: [
                { id: 'vergelijking', naam: 'vergelijking met andere gemeenten' }, { id: 'streven', naam: 'een eigen streven' },
                { id: 'leren', naam: 'willen leren wat werkt' }, { id: 'anders', naam: 'anders' }] },
            { pad: 'drijfveer.gedeeld_met_bestuur', label: 'Delen bestuurders en managers deze drijfveer?', type: 'janee' },
        ] },
        { id: 'informatie', titel: 'Stap 2: haal informatie op', velden: [
            { pad: 'bronnen', type: 'rijen', label: 'Verzamelde bronnen', enkelvoud: 'Bron', toevoegen: 'Bron toevoegen',
              kolommen: [
                { sleutel: 'id', label: 'Bron', type: 'keuze', keuzes: bronnen, leeg: '(kies een bron)' },
                { sleutel: 'partner', label: 'Van wie', type: 'keuze', keuzes: PARTNERS, leeg: '(niet opgegeven: gemeente)' },
              ] },
            { pad: 'informatie.ontbrekend_bepaald', label: 'Is bepaald welke informatie nog ontbreekt?', type: 'janee' },
            { pad: 'metingen', type: 'rijen', label: 'Cijfers (metingen)', enkelvoud: 'Meting', toevoegen: 'Meting toevoegen',
              uitleg: 'Eén rij per indicator, jaar, wijk en groep; percentages, bijvoorbeeld uit de Veiligheidsmonitor.',
              // The form asks where and when first; a saved row lists its keys as the contract does.
              opslaan: ['indicator', 'waarde', 'vergelijkbaar', 'vorige', 'gebied', 'groep', 'jaar', 'marge', 'respondenten'],
              kolommen: [
                { sleutel: 'indicator', label: 'Indicator', type: 'keuze', keuzes: w.indicatoren, leeg: '(kies een indicator)' },
                { sleutel: 'jaar', label: 'Jaar', type: 'geheel' },
                { sleutel: 'gebied', label: 'Wijk of buurt (leeg: hele gemeente)', type: 'tekst' },
                { sleutel: 'groep', label: 'Groep inwoners (leeg: iedereen)', type: 'tekst' },
                { sleutel: 'waarde', label: 'Waarde (%)', type: 'getal' },
                { sleutel: 'marge', label: 'Marge (procentpunt)', type: 'getal' },
                { sleutel: 'respondenten', label: 'Respondenten', type: 'geheel' },
                { sleutel: 'vergelijkbaar', label: 'Vergelijkbare gemeenten, wijken of groepen (%)', type: 'getal' },
                { sleutel: 'vorige', label: 'Vorige meting (%)', type: 'getal' },
              ] },
        ] },
        { id: 'analyse', titel: 'Stap 3: maak de analyse', velden: [
            { pad: 'analyse.uitgevoerd', label: 'Is de analyse uitgevoerd?', type: 'janee' },
            { pad: 'analyse.vragen', label: 'Welke vragen beantwoordt de analyse?', type: 'meerkeuze', keuzes: W_VRAGEN },
            { pad: 'analyse.problematisch', label: 'Is de veiligheidsbeleving problematisch (eigen conclusie)?', type: 'keuze', keuzes: JA_NEE_ONBEKEND },
            { pad: 'analyse.factoren', label: 'Belangrijkste factoren van de Tafel van 12', type: 'meerkeuze', keuzes: w.factoren, groeperen: true },
            { pad: 'analyse.rapportage', label: 'Is de analyse op papier gezet?', type: 'janee' },
        ] },
        { id: 'communicatie', titel: 'Stap 3, kader: communicatie', velden: [
            { pad: 'communicatie.frame', label: 'Welk frame overheerst in de communicatie?', type: 'keuze', keuzes: [
                { id: 'veiligheid', naam: 'veiligheid' }, { id: 'onveiligheid', naam: 'onveiligheid' }, { id: 'onbekend', naam: 'onbekend' }] },
            { pad: 'communicatie.effect_onderzocht', label: 'Is onderzocht hoe de communicatie de beleving beïnvloedt?', type: 'janee' },
            { pad: 'communicatie.boodschappen', type: 'rijen', label: 'Communicatieplan: boodschappen', enkelvoud: 'Boodschap', toevoegen: 'Boodschap toevoegen',
              kolommen: [
                { sleutel: 'onderwerp', label: 'Onderwerp', type: 'tekst' },
                { sleutel: 'buikpijn', label: 'Hebben inwoners er buikpijn over?', type: 'keuze', keuzes: JA_NEE_ONBEKEND },
                { sleutel: 'aanpak', label: 'Aanpak', type: 'keuze', keuzes: [{ id: 'expliciet', naam: 'expliciet' }, { id: 'terughoudend', naam: 'terughoudend' }] },
              ] },
        ] },
        { id: 'beleid', titel: 'Stap 4: beleidsmatige actie', velden: [
            { pad: 'beleid.doel_benoemd', label: 'Is benoemd wat je wilt bereiken?', type: 'janee' },
            { pad: 'beleid.smart.gekozen', label: 'Is een SMART-doel op veiligheidsbeleving gekozen?', type: 'janee' },
            { pad: 'beleid.smart.indicator', label: 'Indicator van het SMART-doel', type: 'keuze', keuzes: w.indicatoren },
            { pad: 'beleid.smart.daling_pct', label: 'Beoogde daling (% van de beginwaarde)', type: 'getal' },
            { pad: 'beleid.smart.stijging_pct', label: 'Beoogde stijging (% van de beginwaarde; bij tevredenheid)', type: 'getal' },
            { pad: 'beleid.smart.termijn_jaren', label: 'Termijn (jaren)', type: 'getal' },
            { pad: 'beleid.smart.startjaar', label: 'Startjaar van de termijn', type: 'geheel' },
            { pad: 'beleid.ivp.opgenomen', label: 'Is veiligheidsbeleving opgenomen in het integraal veiligheidsplan (IVP)?', type: 'janee' },
            { pad: 'beleid.ivp.prioritaire_factoren', label: 'Factoren die het IVP prioriteit geeft', type: 'meerkeuze', keuzes: w.factoren, groeperen: true },
            { pad: 'beleid.uitvoeringsplan', label: 'Is er een uitvoeringsplan?', type: 'janee' },
            { pad: 'beleid.acties', type: 'rijen', label: 'Acties', enkelvoud: 'Actie', toevoegen: 'Actie toevoegen',
              kolommen: [
                { sleutel: 'naam', label: 'Naam van de actie', type: 'tekst' },
                { sleutel: 'factor', label: 'Factor van de Tafel van 12', type: 'keuze', keuzes: w.factoren },
                { sleutel: 'gebied', label: 'Wijk of buurt (leeg: hele gemeente)', type: 'tekst' },
                { sleutel: 'groep', label: 'Groep inwoners (leeg: iedereen)', type: 'tekst' },
                { sleutel: 'status', label: 'Stand van zaken', type: 'keuze', leeg: '(niet opgegeven: gepland)', keuzes: [
                    { id: 'gepland', naam: 'gepland' }, { id: 'lopend', naam: 'lopend' },
                    { id: 'uitgevoerd', naam: 'uitgevoerd' }, { id: 'gestopt', naam: 'gestopt' }] },
              ] },
            { pad: 'beleid.werkhouding_sessies', label: 'Zijn er sessies over de werkhouding van medewerkers?', type: 'janee' },
            { pad: 'beleid.vuistregels', label: 'Worden vuistregels gebruikt (zoals de Rotterdamse Vuistregels)?', type: 'janee' },
            { pad: 'beleid.gedeelde_visie', label: 'Delen professionals en bestuurders één visie?', type: 'janee' },
        ] },
        { id: 'evaluatie', titel: 'Stap 5: evalueer', velden: [
            { pad: 'evaluatie.momenten_vastgelegd', label: 'Zijn evaluatiemomenten vastgelegd?', type: 'janee' },
            { pad: 'evaluatie.aspecten', label: 'Waar let de evaluatie op?', type: 'meerkeuze', keuzes: ASPECTEN },
            { pad: 'evaluatie.nulmeting', label: 'Is er een nulmeting?', type: 'janee' },
            { pad: 'evaluatie.nulmeting_jaar', label: 'Jaar van de nulmeting', type: 'geheel' },
        ] },
    ];
}

// The order of the top-level keys when saving, as the contract lists them.
const VOLGORDE = ['versie', 'gemeente', 'drijfveer', 'metingen', 'bronnen', 'informatie', 'analyse', 'communicatie', 'beleid', 'evaluatie'];

export function el(tag, attrs = {}, ...kinderen) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'tekst') e.textContent = v;
        else e.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kinderen) if (k) e.append(k);
    return e;
}

const veilig = (pad) => pad.replace(/[^A-Za-z0-9_-]/g, '-');

function besturing(veld, id) {
    if (veld.type === 'janee' || veld.type === 'keuze') {
        const s = el('select', { id, name: id });
        s.append(el('option', { value: '', tekst: veld.leeg || (veld.type === 'janee' ? '(niet ingevuld)' : '(niet ingevuld)') }));
        for (const k of veld.type === 'janee' ? JANEE : veld.keuzes) s.append(el('option', { value: k.id, tekst: k.naam }));
        return s;
    }
    const attrs = { id, name: id, type: 'text', autocomplete: veld.autocomplete || 'off', spellcheck: 'false' };
    if (veld.type === 'geheel') attrs.inputmode = 'numeric';
    if (veld.type === 'getal') attrs.inputmode = 'decimal';
    if (veld.verplicht) { attrs.required = true; attrs['aria-required'] = 'true'; }
    return el('input', attrs);
}

// `voor` starts every id, so that a field can also be built outside the form (the guided interview
// asks for a list with the form's rows) without two elements sharing an id.
export function enkelVeld(veld, voor = 'v-') {
    const id = voor + veilig(veld.pad);
    if (veld.type === 'meerkeuze') return meerkeuze(veld, id);
    if (veld.type === 'rijen') return rijenlijst(veld, voor);
    const b = besturing(veld, id);
    b.dataset.veld = veld.pad;
    b.dataset.type = veld.type;
    return el('div', { class: 'veld', 'data-pad': veld.pad },
        el('label', { for: id, tekst: veld.label + (veld.verplicht ? ' (verplicht)' : '') }), b);
}

function meerkeuze(veld, id) {
    const fs = el('fieldset', { class: 'meerkeuze', id, 'data-pad': veld.pad, 'data-meerkeuze': veld.pad },
        el('legend', { tekst: veld.label }));
    fs._volgorde = [];
    fs._aanwezig = false;
    const vakje = (k) => {
        const cid = `${id}-${veilig(k.id)}`;
        const c = el('input', { type: 'checkbox', id: cid, value: k.id });
        return el('div', { class: 'vakje' }, c, el('label', { for: cid, tekst: k.naam }));
    };
    if (veld.groeperen && veld.keuzes.some((k) => k.pijler)) {
        const pijlers = [...new Set(veld.keuzes.map((k) => k.pijler || ''))];
        for (const p of pijlers) {
            const groep = el('div', { class: 'pijler', role: 'group', 'aria-label': p || 'overig' }, el('p', { class: 'pijlernaam', 'aria-hidden': 'true', tekst: p }));
            for (const k of veld.keuzes.filter((x) => (x.pijler || '') === p)) groep.append(vakje(k));
            fs.append(groep);
        }
    } else {
        for (const k of veld.keuzes) fs.append(vakje(k));
    }
    // Keep the order in which ids were chosen (or read from a file), so a saved file keeps its order.
    fs.addEventListener('change', (e) => {
        const c = e.target;
        if (c.type !== 'checkbox') return;
        fs._aanwezig = true;
        fs._volgorde = fs._volgorde.filter((v) => v !== c.value);
        if (c.checked) fs._volgorde.push(c.value);
    });
    return fs;
}

function rijenlijst(veld, voor) {
    const id = voor + veilig(veld.pad);
    const lijst = el('div', { class: 'rijen', id: id + '-lijst' });
    const knop = el('button', { type: 'button', class: 'toevoegen', tekst: veld.toevoegen });
    const blok = el('fieldset', { class: 'rijenblok', 'data-pad': veld.pad, 'data-rijen': veld.pad },
        el('legend', { tekst: veld.label }),
        veld.uitleg ? el('p', { class: 'hulp', tekst: veld.uitleg }) : null,
        lijst, knop);
    blok._veld = veld;
    blok._voor = voor;
    knop.addEventListener('click', () => {
        const rij = voegRijToe(blok, {});
        rij.querySelector('select, input').focus();
        blok.dispatchEvent(new Event('input', { bubbles: true }));
    });
    return blok;
}

export function voegRijToe(blok, waarden) {
    const veld = blok._veld;
    const lijst = blok.querySelector('.rijen');
    const rij = el('fieldset', { class: 'rij' }, el('legend'));
    const raster = el('div', { class: 'rijvelden' });
    for (const kol of veld.kolommen) {
        const b = besturing(kol, '');
        b.dataset.sleutel = kol.sleutel;
        b.dataset.type = kol.type;
        raster.append(el('div', { class: 'veld', 'data-sleutel': kol.sleutel }, el('label', { tekst: kol.label }), b));
        zetWaarde(b, waarden[kol.sleutel]);
    }
    const weg = el('button', { type: 'button', class: 'verwijderen' });
    weg.addEventListener('click', () => {
        const rijen = [...lijst.children];
        const i = rijen.indexOf(rij);
        rij.remove();
        hernummer(blok);
        // Focus stays in the list: the row that took this one's place, else the previous, else "add".
        const over = [...lijst.children];
        const doel = over[i] || over[i - 1];
        (doel ? doel.querySelector('.verwijderen') : blok.querySelector('.toevoegen')).focus();
        blok.dispatchEvent(new Event('input', { bubbles: true }));
    });
    rij.append(raster, weg);
    lijst.append(rij);
    hernummer(blok);
    return rij;
}

// Ids, labels and paths follow the row's position, so an error at `metingen.2.waarde` finds its field.
function hernummer(blok) {
    const veld = blok._veld;
    const basis = blok._voor + veilig(veld.pad);
    [...blok.querySelector('.rijen').children].forEach((rij, i) => {
        const naam = `${veld.enkelvoud} ${i + 1}`;
        rij.querySelector(':scope > legend').textContent = naam;
        rij.dataset.pad = `${veld.pad}.${i}`;
        for (const v of rij.querySelectorAll('.veld')) {
            const b = v.querySelector('select, input');
            const id = `${basis}-${i}-${v.dataset.sleutel}`;
            b.id = id;
            b.name = id;
            v.querySelector('label').htmlFor = id;
            v.dataset.pad = `${veld.pad}.${i}.${v.dataset.sleutel}`;
        }
        rij.querySelector('.verwijderen').textContent = `Verwijder ${naam.toLowerCase()}`;
    });
}

export function bouwFormulier(houder, secties) {
    houder.replaceChildren();
    for (const s of secties) {
        const kop = 'kop-' + s.id;
        const sec = el('section', { class: 'sectie', id: 'sectie-' + s.id, 'aria-labelledby': kop, 'data-pad': s.id },
            el('h3', { id: kop, tekst: s.titel }));
        for (const v of s.velden) sec.append(enkelVeld(v));
        houder.append(sec);
    }
}

// --- values -------------------------------------------------------------------------------------

function leesWaarde(b) {
    const t = b.value.trim();
    if (t === '') return undefined;
    switch (b.dataset.type) {
    case 'janee': return t === 'true' ? true : t === 'false' ? false : t;
    case 'geheel':
    case 'getal': {
        // What is not a number goes to the service as typed, so that its message (the command
        // line's) appears next to the field.
        const n = leesGetal(t, b.dataset.type);
        return n === undefined ? t : n;
    }
    default: return b.tagName === 'INPUT' ? b.value : t;
    }
}

// The type of the field at `pad` in the form's description `secties` ('geheel', 'getal', ...), also
// for a column of rows (`metingen[2].marge`, `metingen[].marge`); undefined for a path without field.
export function veldSoort(secties, pad) {
    const delen = String(pad).replace(/\[\d*\]/g, '').split('.');
    const heel = delen.join('.');
    const lijst = delen.slice(0, -1).join('.');
    for (const s of secties) {
        for (const v of s.velden) {
            if (v.pad === heel && v.type !== 'rijen') return v.type;
            if (v.pad === lijst && v.type === 'rijen') return v.kolommen.find((k) => k.sleutel === delen[delen.length - 1])?.type;
        }
    }
    return undefined;
}

const ALS_WAAR = /^(y|yes|true|on)$/i;
const ALS_ONWAAR = /^(n|no|false|off)$/i;

function zetWaarde(b, v) {
    if (v === undefined || v === null) { b.value = ''; return; }
    let tekst;
    if (b.dataset.type === 'janee') {
        // yaml-cpp reads yes/no/on/off as booleans too; a file that uses them means ja/nee.
        tekst = v === true || (typeof v === 'string' && ALS_WAAR.test(v)) ? 'true'
            : v === false || (typeof v === 'string' && ALS_ONWAAR.test(v)) ? 'false' : String(v);
    } else if (typeof v === 'number' && (b.dataset.type === 'getal' || b.dataset.type === 'geheel')) {
        tekst = String(v).replace('.', ',');
    } else {
        tekst = typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    if (b.tagName === 'SELECT' && ![...b.options].some((o) => o.value === tekst)) {
        // A value the form does not offer stays what it is, so nothing in a file is lost silently;
        // the service names it as an error.
        b.append(el('option', { value: tekst, tekst: `${tekst} (onbekend)` }));
    }
    b.value = tekst;
}

function zet(obj, pad, waarde) {
    const delen = pad.split('.');
    let o = obj;
    for (const d of delen.slice(0, -1)) o = o[d] ??= {};
    o[delen[delen.length - 1]] = waarde;
}

function haal(obj, pad) {
    let o = obj;
    for (const d of pad.split('.')) {
        if (o === null || typeof o !== 'object') return undefined;
        o = o[d];
    }
    return o;
}

function leesRij(rij, volgorde) {
    const r = {};
    for (const b of rij.querySelectorAll('[data-sleutel]')) {
        if (b.tagName !== 'INPUT' && b.tagName !== 'SELECT') continue;
        const w = leesWaarde(b);
        if (w !== undefined) r[b.dataset.sleutel] = w;
    }
    return inVolgorde(r, volgorde);
}

// A row's keys in `volgorde` (a list of rows' `opslaan`), the rest after them.
export function inVolgorde(r, volgorde) {
    if (!volgorde) return r;
    const geordend = {};
    for (const k of volgorde) if (k in r) geordend[k] = r[k];
    return Object.assign(geordend, r);
}

export function leesProfiel(form) {
    const p = {};
    if (form._versie !== undefined) p.versie = form._versie;
    // Fields, lists of ids and lists of rows in the form's order, which is the contract's order within
    // a section (analyse: uitgevoerd, vragen, problematisch, factoren, rapportage): so they are saved.
    form._rijen = {};
    for (const b of form.querySelectorAll('[data-veld], [data-meerkeuze], [data-rijen]')) {
        if (b.dataset.veld !== undefined) {
            const w = leesWaarde(b);
            if (w !== undefined) zet(p, b.dataset.veld, w);
        } else if (b.dataset.meerkeuze !== undefined) {
            if (b._aanwezig || b._volgorde.length) zet(p, b.dataset.meerkeuze, [...b._volgorde]);
        } else {
            // A row with nothing filled in yet is not part of the profile (a new row is not an error);
            // which form row each row of the profile is, is kept for the paths of errors.
            const alle = [...b.querySelectorAll('.rij')].map((rij) => leesRij(rij, b._veld.opslaan));
            const indexen = alle.map((r, i) => (Object.keys(r).length ? i : -1)).filter((i) => i >= 0);
            form._rijen[b.dataset.rijen] = indexen;
            const rijen = indexen.map((i) => alle[i]);
            if (rijen.length || b._aanwezig) zet(p, b.dataset.rijen, rijen);
        }
    }
    // What the interview recorded as "weet ik niet" stays, except what has been filled in since.
    const eerder = form._vraaggesprek?.onbekend;
    const onbekend = Array.isArray(eerder) ? eerder.filter((id) => haalPad(p, id) === undefined) : eerder;
    if (form._vraaggesprek) {
        const { onbekend: _, ...rest } = form._vraaggesprek;
        const notities = onbekend === undefined || (Array.isArray(onbekend) && !onbekend.length) ? rest : { ...rest, onbekend };
        if (Object.keys(notities).length) p.vraaggesprek = notities;
    }
    return ordenProfiel(p);
}

// The top-level keys in the contract's order; the interview's notes last, as the terminal writes them.
export function ordenProfiel(p) {
    const geordend = {};
    for (const k of VOLGORDE) if (k in p) geordend[k] = p[k];
    for (const k of Object.keys(p)) if (!(k in geordend) && k !== 'vraaggesprek') geordend[k] = p[k];
    if ('vraaggesprek' in p) geordend.vraaggesprek = p.vraaggesprek;
    return geordend;
}

// A path as the service and the interview write it: `metingen[2].marge` (rows from 1), or dotted.
export function padDelen(pad) {
    const delen = [];
    for (const deel of String(pad).split('.')) {
        const m = /^([^[\]]*)\[(\d+)\]$/.exec(deel);
        if (m) { if (m[1]) delen.push(m[1]); delen.push(Number(m[2]) - 1); } else delen.push(deel);
    }
    return delen;
}

export function haalPad(obj, pad) {
    let o = obj;
    for (const d of padDelen(pad)) {
        if (o === null || typeof o !== 'object') return undefined;
        o = o[d];
    }
    return o;
}

// Fills the form from a profile; returns the paths the form has no place for (they are named to
// the user rather than dropped without a word).
export function vulFormulier(form, profiel) {
    const gebruikt = new Set();
    form._versie = profiel.versie;
    if ('versie' in profiel) gebruikt.add('versie');
    // The interview's notes have no field; the form keeps them, so that switching modes loses nothing.
    const notities = profiel.vraaggesprek;
    form._vraaggesprek = notities !== null && typeof notities === 'object' && !Array.isArray(notities) ? notities : undefined;
    if (form._vraaggesprek) gebruikt.add('vraaggesprek');
    for (const b of form.querySelectorAll('[data-veld]')) {
        const v = haal(profiel, b.dataset.veld);
        zetWaarde(b, v);
        if (v !== undefined) gebruikt.add(b.dataset.veld);
    }
    for (const fs of form.querySelectorAll('[data-meerkeuze]')) {
        const v = haal(profiel, fs.dataset.meerkeuze);
        const lijst = Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)];
        fs._aanwezig = v !== undefined && v !== null;
        // An id twice stays twice until the box is touched: the advice warns about the repetition, as
        // the command line does for the same file, and saving gives the file back as it was.
        fs._volgorde = lijst;
        for (const c of fs.querySelectorAll('input[type=checkbox]')) c.checked = fs._volgorde.includes(c.value);
        for (const id of new Set(fs._volgorde)) {
            if (!fs.querySelector(`input[value="${CSS.escape(id)}"]`)) {
                const cid = `${fs.id}-onbekend-${veilig(id)}`;
                fs.append(el('div', { class: 'vakje' }, el('input', { type: 'checkbox', id: cid, value: id, checked: true }),
                    el('label', { for: cid, tekst: `${id} (onbekend)` })));
            }
        }
        if (fs._aanwezig) gebruikt.add(fs.dataset.meerkeuze);
    }
    const onbekend = [];
    for (const blok of form.querySelectorAll('[data-rijen]')) {
        blok.querySelector('.rijen').replaceChildren();
        const v = haal(profiel, blok.dataset.rijen);
        blok._aanwezig = Array.isArray(v);
        if (v === undefined) continue;
        gebruikt.add(blok.dataset.rijen);
        const sleutels = new Set(blok._veld.kolommen.map((k) => k.sleutel));
        (Array.isArray(v) ? v : [v]).forEach((r, i) => {
            const rij = r !== null && typeof r === 'object' ? r : {};
            for (const k of Object.keys(rij)) if (!sleutels.has(k)) onbekend.push(`${blok.dataset.rijen}[${i + 1}].${k}`);
            voegRijToe(blok, rij);
        });
    }
    // Anything in the file that no field took.
    const loop = (o, pad) => {
        for (const [k, v] of Object.entries(o)) {
            const p = pad ? `${pad}.${k}` : k;
            if (gebruikt.has(p)) continue;
            if (v !== null && typeof v === 'object' && !Array.isArray(v)) loop(v, p);
            else onbekend.push(p);
        }
    };
    if (profiel && typeof profiel === 'object') loop(profiel, '');
    return onbekend;
}

// --- errors from the service ---------------------------------------------------------------------

// `metingen[2].waarde`, `/metingen/2/waarde` and `metingen.2.waarde` all name the same field.
// Rows count from 1 in the service's paths (as in its messages), from 0 in the form's.
export function normaalPad(pad) {
    return String(pad || '').replace(/^\//, '').replace(/\[(\d+)\]/g, (_, n) => `.${Number(n) - 1}`)
        .replace(/\//g, '.').replace(/^\./, '');
}

export function wisFouten(form) {
    for (const f of form.querySelectorAll('.veldfout')) f.remove();
    for (const b of form.querySelectorAll('[aria-invalid]')) {
        b.removeAttribute('aria-invalid');
        const rest = (b.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.startsWith('fout-'));
        if (rest.length) b.setAttribute('aria-describedby', rest.join(' ')); else b.removeAttribute('aria-describedby');
    }
}

// Puts each error next to the field its path names (or the nearest enclosing part of the form);
// returns those that have no place in the form.
export function toonFouten(form, fouten) {
    wisFouten(form);
    const los = [];
    fouten.forEach((f, i) => {
        let pad = normaalPad(f.pad);
        for (const [lijst, indexen] of Object.entries(form._rijen || {})) {
            const m = pad.startsWith(lijst + '.') && /^(\d+)(\.|$)/.exec(pad.slice(lijst.length + 1));
            if (m && indexen[Number(m[1])] !== undefined) pad = `${lijst}.${indexen[Number(m[1])]}${pad.slice(lijst.length + 1 + m[1].length)}`;
        }
        let doel = null;
        while (pad && !doel) {
            doel = form.querySelector(`[data-pad="${CSS.escape(pad)}"]`);
            if (!doel) pad = pad.includes('.') ? pad.slice(0, pad.lastIndexOf('.')) : '';
        }
        if (!doel) { los.push(f); return; }
        const id = `fout-${i}`;
        const p = el('p', { class: 'veldfout', id, tekst: f.melding });
        const kop = doel.querySelector(':scope > legend, :scope > h3');
        if (kop) kop.after(p); else doel.append(p);
        const b = doel.classList.contains('veld') ? doel.querySelector('select, input') : null;
        if (b) {
            b.setAttribute('aria-invalid', 'true');
            b.setAttribute('aria-describedby', [b.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
        }
    });
    return los;
}
