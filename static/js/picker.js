// Progressive enhancement for the role pickers: as you type, the server sends the
// roles whose names match (the same matching as search) into the input's
// <datalist>. Without JavaScript the form still works: the comparison page takes
// what was typed, forgives typos and offers candidates to choose from.
(function () {
  const DELAY_MS = 150;
  document.querySelectorAll("input[data-suggest-url]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    let timer = null;
    let asked = "";
    let controller = null;
    const fill = (roles) => {
      list.replaceChildren(
        ...roles.map((role) => {
          const option = document.createElement("option");
          option.value = role.title;
          if (role.alias) option.textContent = role.alias;
          return option;
        })
      );
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const typed = input.value.trim();
      if (typed.length < 2) {
        fill([]);
        return;
      }
      timer = setTimeout(() => {
        if (typed === asked) return;
        asked = typed;
        if (controller) controller.abort();
        controller = new AbortController();
        const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(typed)}`;
        fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
          .then((response) => (response.ok ? response.json() : { roles: [] }))
          .then((data) => fill(data.roles || []))
          .catch(() => {});
      }, DELAY_MS);
    });
  });
})();
