// The applicant's page: the draft is sent to this same server only (the page's CSP allows nothing else),
// checked, and its checklist (the HTML report's own markup, escaped by the server) shown as it is edited.
"use strict";
(function () {
  const draft = document.getElementById("draft");
  const result = document.getElementById("result");
  const state = document.getElementById("state");
  const drop = document.getElementById("drop");
  const file = document.getElementById("file");
  const topic = document.getElementById("topic");
  let timer = null;
  let sent = 0;
  let shownDraft = "";
  let name = "draft";

  const lang = () => (document.getElementById("lang-en").checked ? "en" : "zh");
  const say = (zh, en, error) => {
    state.textContent = lang() === "en" ? en : zh;
    state.classList.toggle("error", Boolean(error));
  };

  async function check() {
    const text = draft.value;
    if (!text.trim()) {
      result.replaceChildren();
      say("", "");
      return;
    }
    const mine = ++sent;
    say("正在检查…", "Checking…");
    try {
      const response = await fetch("/v1/validate?format=html&lang=" + lang() + "&name=" + encodeURIComponent(name), {
        method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: text,
      });
      if (mine !== sent) return; // a newer edit is on its way
      if (response.ok) {
        const fragment = new DOMParser().parseFromString(await response.text(), "text/html");
        result.replaceChildren(...fragment.body.childNodes);
        say("已检查", "Checked");
      } else {
        const error = await response.json();
        const finding = error.findings[0];
        say(finding.message, finding.message_en || finding.message, true);
      }
    } catch (failure) {
      if (mine === sent) say("无法连接本机的 appcheck 服务", "Cannot reach the appcheck service on this machine", true);
    }
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  }

  async function load(blob) {
    draft.value = await blob.text();
    name = blob.name || "draft";
    shownDraft = "";
    check();
  }

  draft.addEventListener("input", soon);
  draft.addEventListener("paste", () => { // a draft pasted over the whole text is a new draft, no longer the file dropped
    if (draft.selectionStart === 0 && draft.selectionEnd === draft.value.length) name = "draft";
  });
  file.addEventListener("change", () => { if (file.files.length) load(file.files[0]); });
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("dragging"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("dragging");
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) load(files[0]);
    else if (event.dataTransfer) { draft.value = event.dataTransfer.getData("text/plain"); check(); }
  });
  topic.addEventListener("change", async () => {
    if (!topic.value || (draft.value.trim() && draft.value !== shownDraft)) return; // never overwrite the applicant's own text
    const [call, topicId] = topic.value.split("/");
    const response = await fetch("/v1/topics/" + encodeURIComponent(call) + "/" + encodeURIComponent(topicId) + "/draft");
    if (!response.ok) return;
    draft.value = JSON.stringify(await response.json(), null, 2) + "\n";
    name = "draft";
    shownDraft = draft.value;
    check();
  });
  for (const radio of document.querySelectorAll('input[name="lang"]')) {
    radio.addEventListener("change", () => { document.documentElement.lang = lang() === "en" ? "en" : "zh-CN"; });
  }
})();
