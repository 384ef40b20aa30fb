// The one-page student handout: how to join (the code, the link, a QR code),
// what each phase is for, and the privacy facts in the words students are
// shown in the app. From the home page (no session yet) the code is a blank
// the teacher fills in or reads out.
import QRCode from "qrcode";
import { PHASE_TITLES } from "../../shared/phases.ts";
import { privacyOf, privacyWords } from "../../shared/privacy.ts";
import { escapeHtml as h } from "../exports/escape.ts";
import { minutesWords, sheet } from "./layout.ts";
import { forStudents } from "./phase-guide.ts";
import type { PackSource } from "./source.ts";

async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  // A label for screen readers; the SVG is generated, never user text.
  return svg.replace("<svg ", `<svg role="img" aria-label="${h(`QR code for ${url}`)}" `);
}

export async function handoutBody(source: PackSource): Promise<string> {
  const s = source.scenario;
  const own = source.session;
  const url = own ? own.joinUrl : source.homeUrl;
  const code = own ? `<span class="code">${h(own.code)}</span>` : `<span class="blank">&nbsp;</span>`;
  const phases = own?.phases ?? s.phases;
  const facts = own
    ? privacyWords(privacyOf({ scenario: s, lesson: own.lesson }))
    : privacyWords(privacyOf({ scenario: s })).replace(
        "At the debrief, every team and private channel is shown",
        "At the debrief, your teacher may show every team and private channel",
      );
  return sheet(
    `<p class="meta">Student handout · ${h(s.title)}</p>
<h1>${h(s.title)}</h1>
<p>${h(s.summary)}</p>
<h2>How to join</h2>
<div class="join">
${await qrSvg(url)}
<ol class="steps">
<li>Scan the QR code, or open <strong>${h(url)}</strong> in a browser.</li>
<li>${own ? "The code is already in the link; if asked, type" : "Type the code your teacher shows:"} ${code}</li>
<li>Type a <strong>display name</strong>: a first name or a nickname. Nothing else: no account, no e-mail.</li>
<li>Pick your delegation, or take the one you are given; your screen says your job in one line. Lost your seat? Open the same link on the same device, or ask your teacher for your rejoin code.</li>
</ol>
</div>
<h2>What each phase is for</h2>
<table><tbody>${phases
      .map(
        (p) =>
          `<tr><td><strong>${h(PHASE_TITLES[p.phase])}</strong>${own ? ` <span class="muted">${h(minutesWords(p.minutes))}</span>` : ""}</td><td>${h(forStudents(p.phase, p))}</td></tr>`,
      )
      .join("")}</tbody></table>
<h2>Who reads what</h2>
<div class="box">
<p>Everything said on the floor is public. Your delegation's <strong>secret brief</strong> is for your delegation only until the debrief, when every brief is revealed.</p>
<p>${h(facts)}</p>
<p>Your answers to the debrief questions go to your teacher with your name; the class may see them on the projector without names.</p>
</div>`,
    ` id="handout"`,
  );
}
