// Starts GOV.UK Frontend's components. The build appends this file to GOV.UK Frontend's
// module (so `initAll` is in scope there) and serves it as a static module file, so the
// Content Security Policy can forbid inline scripts.
import { initAll } from "govuk-frontend";

document.body.classList.add("govuk-frontend-supported");
initAll();

// Print buttons are rendered hidden and shown only when JavaScript can print.
for (const button of document.querySelectorAll("[data-print-button]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
