// Progressive enhancement: view options apply as soon as they change.
// Without JavaScript the "Anzeigen" button does the same.
document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
  form.addEventListener("change", () => form.submit());
});
