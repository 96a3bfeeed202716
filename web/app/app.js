// SPDX-License-Identifier: EUPL-1.2
// The minimal page: sends the profile to POST /api/v1/advies and shows the advice. Every text from
// the answer goes into the page as text (textContent), never as markup.

const formulier = document.getElementById("profielformulier");
const profiel = document.getElementById("profiel");
const uitkomst = document.getElementById("uitkomst");

function element(naam, tekst, klasse) {
  const e = document.createElement(naam);
  if (tekst !== undefined) e.textContent = tekst;
  if (klasse) e.className = klasse;
  return e;
}

function toonFouten(fouten) {
  uitkomst.replaceChildren(element("h2", "Het profiel bevat fouten"));
  const lijst = element("ul", undefined, "fout");
  for (const f of fouten) {
    const plaats = f.regel ? `regel ${f.regel}, kolom ${f.kolom}: ` : "";
    lijst.append(element("li", plaats + f.melding + (f.pad ? ` (${f.pad})` : "")));
  }
  uitkomst.append(lijst);
}

function toonAdvies(advies) {
  uitkomst.replaceChildren(element("h2", `Advies voor ${advies.gemeente}`));
  const stappen = element("ol", undefined, "stappen");
  for (const s of advies.fase.stappen) stappen.append(element("li", `${s.stap}. ${s.naam}: ${s.status}`, s.status));
  uitkomst.append(stappen);
  for (const a of advies.adviezen) {
    const blok = element("article", undefined, `advies ${a.soort}`);
    blok.append(element("h3", `${a.soort} (stap ${a.stap}, ${a.onderwerp})`));
    blok.append(element("p", a.tekst));
    blok.append(element("p", `Bron: ${a.bron}`, "bron"));
    if (a.onderbouwing && a.onderbouwing.length) {
      const lijst = element("ul");
      for (const o of a.onderbouwing) lijst.append(element("li", o));
      blok.append(lijst);
    }
    uitkomst.append(blok);
  }
}

formulier.addEventListener("submit", async (gebeurtenis) => {
  gebeurtenis.preventDefault();
  const uitleg = document.getElementById("uitleg").checked ? "?uitleg=1" : "";
  uitkomst.replaceChildren(element("p", "Bezig…"));
  try {
    const antwoord = await fetch("/api/v1/advies" + uitleg, {
      method: "POST",
      headers: { "Content-Type": "application/yaml", "Accept": "application/json" },
      body: profiel.value,
    });
    const inhoud = await antwoord.json();
    if (antwoord.ok) toonAdvies(inhoud);
    else toonFouten(inhoud.fouten || []);
  } catch (fout) {
    uitkomst.replaceChildren(element("p", `De dienst is niet bereikbaar: ${fout}`, "fout"));
  }
});

document.getElementById("bestand").addEventListener("change", async (gebeurtenis) => {
  const bestand = gebeurtenis.target.files[0];
  if (bestand) profiel.value = await bestand.text();
});
