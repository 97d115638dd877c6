// The emulator's web console (docs/console.md): polls the console API once a second and sends commands to the
// operator API. Everything is drawn with textContent (device data is never treated as HTML).
"use strict";
(function () {
  const token = new URLSearchParams(location.search).get("token");
  const charts = new Map(); // identifier -> uPlot
  let selected = null;      // "pid/dev"
  let device = null;        // the last device snapshot

  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const time = (ms) => ms == null ? "—" : new Date(ms).toLocaleTimeString([], { hour12: false });
  const ago = (ms) => ms == null ? "never" : Math.max(0, Math.round((Date.now() - ms) / 1000)) + " s ago";
  const json = (v) => v === undefined ? "" : JSON.stringify(v);

  async function getJson(url) {
    const r = await fetch(url, { cache: "no-store" });
    if (!r.ok) throw new Error(url + ": HTTP " + r.status);
    return r.json();
  }

  async function post(path, body) {
    const headers = { "Content-Type": "application/json" };
    if (token) headers["X-Console-Token"] = token;
    const r = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
    let answer = null;
    try { answer = await r.json(); } catch (e) { answer = { error: "HTTP " + r.status }; }
    return { status: r.status, answer };
  }

  // ---- devices ----

  function drawDevices(list) {
    const ul = $("devices");
    ul.replaceChildren();
    for (const d of list) {
      const key = d.productId + "/" + d.deviceName;
      const li = el("li");
      li.dataset.device = key;
      li.classList.toggle("selected", key === selected);
      li.classList.toggle("online", d.online);
      li.append(el("span", "dot" + (d.online ? " online" : "")), el("span", "name", d.deviceName),
        el("span", "sub", (d.online ? "online" : "offline") + " · seen " + ago(d.lastSeen)),
        el("span", "sub", d.connects + " connects · " + d.kicks + " kicks · " + d.bans + " bans"));
      for (const r of d.refusals.slice(0, 1)) li.append(el("span", "sub refusal", "refused " + time(r.at) + ": " + r.what));
      li.onclick = () => { select(key); };
      ul.append(li);
    }
    if (!selected && list.length > 0) select(list[0].productId + "/" + list[0].deviceName);
    const current = list.find((d) => d.productId + "/" + d.deviceName === selected);
    if (current) drawDeviceHead(current);
  }

  function drawDeviceHead(d) {
    $("device-state").textContent = d.online ? "online" : "offline";
    $("device-state").className = "badge" + (d.online ? " online" : "");
    $("device-facts").textContent = "product " + d.productId + " · last seen " + ago(d.lastSeen) + " · " + d.connects + " connects · "
      + d.kicks + " kicks · " + d.bans + " bans" + (d.lastConnectionEvent ? " · last: " + d.lastConnectionEvent.what : "");
    const refusals = $("device-refusals");
    refusals.replaceChildren(...d.refusals.map((r) => el("div", "refusal muted", "refused at " + time(r.at) + ": " + r.what)));
  }

  function select(key) {
    if (key === selected) return;
    selected = key;
    device = null;
    for (const c of charts.values()) c.destroy();
    charts.clear();
    $("properties").replaceChildren();
    for (const box of ["set-fields", "desired-fields", "invoke-fields"]) {
      $(box).replaceChildren();
      $(box).dataset.model = "";
    }
    $("command-result").textContent = "";
    $("device-name").textContent = key;
    $("device").hidden = false;
    $("empty").hidden = true;
    for (const li of $("devices").children) li.classList.toggle("selected", li.dataset.device === key);
    refresh();
  }

  // ---- one device ----

  const isDiagnostic = (p) => p.identifier.startsWith("diag_");

  // Diagnostics are many and rarely change: one compact line of name=value, no charts.
  function drawDiagnostics(props) {
    const diag = props.filter((p) => isDiagnostic(p) && p.value != null);
    if (diag.length === 0) return;
    $("diagnostics").replaceChildren(...diag.map((p) => {
      const s = el("span", null, p.identifier.substring(5) + " ");
      s.append(el("b", null, typeof p.value === "object" ? json(p.value) : String(p.value)));
      return s;
    }));
  }

  function drawProperties(props) {
    const box = $("properties");
    for (const p of props.filter((x) => !isDiagnostic(x))) {
      let card = box.querySelector('.prop[data-id="' + CSS.escape(p.identifier) + '"]');
      if (!card) {
        card = el("div", "prop");
        card.dataset.id = p.identifier;
        card.append(el("div", "name", p.identifier + (p.writable ? " (writable)" : "")),
          el("div", "reading"), el("div", "time"), el("div", "chart"));
        box.append(card);
      }
      const reading = card.querySelector(".reading");
      reading.replaceChildren(el("span", "value", p.value === null || p.value === undefined ? "—" : (typeof p.value === "object" ? json(p.value) : String(p.value))));
      if (p.unit) reading.append(el("span", "unit", p.unit));
      const set = lastSet(p.identifier);
      card.querySelector(".time").textContent = (p.time ? time(p.time) + " · " + p.history.length + (p.history.length === 1 ? " point" : " points") : "no value posted yet")
        + (set ? " · last set " + json(set.value) + " (" + set.code + ")" : "");
      drawChart(card.querySelector(".chart"), p);
    }
  }

  // A writable property the device does not post still shows what the platform last set and how the device answered.
  function lastSet(identifier) {
    const d = (device ? device.downlinks : []).find((x) => x.request === "property/set" && x.params && identifier in x.params);
    return d ? { value: d.params[identifier], code: d.reply ? d.reply.code : "no reply" } : null;
  }

  function drawChart(box, p) {
    if (p.history.length === 0) return;
    const data = [p.history.map((h) => h[0] / 1000), p.history.map((h) => h[1])];
    let chart = charts.get(p.identifier);
    if (!chart) {
      chart = new uPlot({
        width: Math.max(160, box.clientWidth || 200), height: 80,
        legend: { show: false }, cursor: { show: true },
        scales: { x: { time: true } },
        axes: [{ size: 24, font: "10px system-ui" }, { size: 40, font: "10px system-ui" }],
        series: [{}, { label: p.identifier, stroke: "#0969da", width: 1.5, points: { size: 4 } }],
      }, data, box);
      charts.set(p.identifier, chart);
    } else {
      chart.setData(data);
    }
    // One point (or several at one time) would stretch the time axis over years: show a minute either side.
    const first = data[0][0], last = data[0][data[0].length - 1];
    if (first === last) chart.setScale("x", { min: first - 60, max: last + 60 });
    box.dataset.points = String(p.history.length);
  }

  // One input for a property or a service parameter, from its data type (the model's OneNET dataType and specs):
  // bool and enum as a choice, numbers with min/max/step, strings with their length. Structs and arrays take JSON.
  function field(p, prefix) {
    const t = p.dataType || { type: p.type };
    const label = el("label", null, p.identifier + " ");
    let input;
    if (t.type === "bool" || t.type === "enum") {
      input = el("select");
      const options = t.type === "bool" ? ["true", "false"] : (t.enumKeys || []).map(String);
      input.append(el("option", null, ""));
      for (const o of options) input.append(el("option", null, o));
    } else if (t.type === "string") {
      input = el("input");
      if (t.length != null) input.maxLength = t.length;
    } else if (t.type === "struct" || t.type === "array") {
      input = el("input");
      input.placeholder = t.type === "struct" ? "{…} JSON" : "[…] JSON";
      input.spellcheck = false;
    } else {
      input = el("input");
      input.type = "number";
      input.step = t.step != null ? String(t.step) : t.type === "float" || t.type === "double" ? "any" : "1";
      if (t.min != null) input.min = t.min;
      if (t.max != null) input.max = t.max;
    }
    input.dataset.id = p.identifier;
    input.dataset.type = t.type;
    input.name = prefix + "-" + p.identifier;
    label.append(input);
    if (p.unit) label.append(el("span", "unit muted", " " + p.unit));
    return label;
  }

  // Rebuilds a form's fields only when the parameters changed, so typing is not interrupted by the poll.
  function drawFields(box, params, prefix) {
    const signature = json(params);
    if (box.dataset.model === signature) return;
    box.dataset.model = signature;
    box.replaceChildren(...params.map((p) => field(p, prefix)));
  }

  // The filled fields of a form as {identifier: value}; an invalid field throws with the browser's reason.
  function fieldValues(box) {
    const result = {};
    for (const input of box.querySelectorAll("[data-id]")) {
      if (input.value === "") continue;
      if (input.checkValidity && !input.checkValidity()) throw new Error(input.dataset.id + ": " + input.validationMessage);
      const t = input.dataset.type;
      result[input.dataset.id] = t === "bool" ? input.value === "true" : t === "string" ? input.value
        : t === "struct" || t === "array" ? parseJson(input.value, input.dataset.id) : Number(input.value);
    }
    return result;
  }

  function selectedService() {
    const id = $("invoke-service").value.trim();
    return ((device && device.model) ? device.model.services : []).find((s) => s.identifier === id);
  }

  function drawCommandForms(model) {
    const writable = model ? model.properties.filter((p) => p.writable) : [];
    drawFields($("set-fields"), writable, "set");
    drawFields($("desired-fields"), writable, "desired");
    const services = model ? model.services : [];
    const names = json(services.map((s) => s.identifier));
    if ($("services").dataset.names !== names) {
      $("services").dataset.names = names;
      $("services").replaceChildren(...services.map((s) => { const o = el("option"); o.value = s.identifier; return o; }));
    }
    const ids = json(model ? model.properties.map((p) => p.identifier) : []);
    if ($("property-ids").dataset.names !== ids) {
      $("property-ids").dataset.names = ids;
      $("property-ids").replaceChildren(...(model ? model.properties : []).map((p) => { const o = el("option"); o.value = p.identifier; return o; }));
    }
    const service = selectedService();
    drawFields($("invoke-fields"), service ? service.inputs : [], "invoke");
  }

  function drawRows(tbody, rows) {
    tbody.replaceChildren(...rows.map((cells) => {
      const tr = el("tr");
      for (const c of cells) { const td = el("td", c.cls, c.text); tr.append(td); }
      return tr;
    }));
  }

  function replyText(r) {
    if (!r) return { text: "waiting…", cls: "code-bad" };
    return { text: r.code + " " + (r.msg || "") + (r.data != null ? " " + json(r.data) : ""), cls: r.code === 200 ? "code-ok" : "code-bad" };
  }

  function drawDevice(d) {
    device = d; // first: the property cards read the downlinks
    drawProperties(d.properties);
    drawDiagnostics(d.properties);
    drawCommandForms(d.model);
    drawRows($("downlinks").tBodies[0], d.downlinks.map((x) => [
      { text: time(x.sentAt) }, { text: x.request + " #" + x.id }, { text: json(x.params) }, replyText(x.reply)]));
    drawRows($("events").tBodies[0], d.events.map((e) => [{ text: time(e.time) }, { text: e.identifier }, { text: json(e.params) }]));
    drawRows($("rejected").tBodies[0], d.rejected.map((r) => [{ text: time(r.at) }, { text: r.topic }, { text: String(r.code), cls: "code-bad" }, { text: r.msg }]));
    const model = $("model");
    const text = d.model ? JSON.stringify(d.model, null, 1) : "No thing model: this emulator accepts any identifier (start it with --thing-model FILE).";
    if (model.textContent !== text) model.textContent = text;
    $("model-download").hidden = !d.model;
    $("model-download").href = "/console/api/thing-model?productId=" + encodeURIComponent(d.productId);
  }

  // ---- commands ----

  function devicePath() { return "/devices/" + selected.split("/").map(encodeURIComponent).join("/"); }

  function parseJson(text, what) {
    try { return JSON.parse(text); } catch (e) { throw new Error(what + " is not JSON: " + e.message); }
  }

  async function command(label, path, body) {
    const result = $("command-result");
    result.className = "result pending";
    result.textContent = label + ": sent, waiting for the device…";
    try {
      const { status, answer } = await post(path, body);
      if (status !== 200) {
        result.className = "result error";
        result.textContent = label + ": refused by the platform (HTTP " + status + "): " + (answer.error || json(answer));
      } else if (answer.timedOut) {
        result.className = "result error";
        result.textContent = label + " #" + answer.id + ": no reply from the device within 5 s";
      } else if (answer.reply) {
        const r = answer.reply;
        result.className = "result " + (r.code === 200 ? "ok" : "error");
        result.textContent = label + " #" + answer.id + ": device replied " + r.code + " " + (r.msg || "") + (r.data != null ? " " + json(r.data) : "");
      } else {
        result.className = "result ok";
        result.textContent = label + ": stored " + json(answer);
      }
    } catch (e) {
      result.className = "result error";
      result.textContent = label + ": " + e.message;
    }
    refresh();
  }

  function failed(message) {
    $("command-result").className = "result error";
    $("command-result").textContent = message;
  }

  // Form fields first, then the JSON typed next to them (which wins for the same identifier).
  function formValues(box, jsonInput, what) {
    const result = fieldValues(box);
    const extra = $(jsonInput).value.trim();
    if (extra) Object.assign(result, parseJson(extra, what));
    return result;
  }

  $("set-form").onsubmit = (ev) => {
    ev.preventDefault();
    let values;
    try { values = formValues($("set-fields"), "set-json", "the JSON"); } catch (e) { return failed(e.message); }
    if (Object.keys(values).length === 0) return failed("set: choose a value or type JSON");
    command("set " + json(values), devicePath() + "/property/set", values);
  };

  $("get-form").onsubmit = (ev) => {
    ev.preventDefault();
    let ids = $("get-ids").value.split(",").map((s) => s.trim()).filter((s) => s);
    if (ids.length === 0 && device) ids = (device.model ? device.model.properties : device.properties).map((p) => p.identifier);
    if (ids.length === 0) return failed("get: name at least one property");
    command("get " + ids.join(","), devicePath() + "/property/get", ids);
  };

  $("invoke-service").oninput = () => { if (device) drawCommandForms(device.model); };

  $("invoke-form").onsubmit = (ev) => {
    ev.preventDefault();
    const service = $("invoke-service").value.trim();
    if (!service) return failed("invoke: name a service");
    let input;
    try { input = formValues($("invoke-fields"), "invoke-json", "the input parameters"); } catch (e) { return failed(e.message); }
    command("invoke " + service, devicePath() + "/service/" + encodeURIComponent(service) + "/invoke", input);
  };

  $("desired-form").onsubmit = (ev) => {
    ev.preventDefault();
    let values;
    try { values = formValues($("desired-fields"), "desired-json", "the desired values"); } catch (e) { return failed(e.message); }
    if (Object.keys(values).length === 0) return failed("desired: choose a value or type JSON");
    command("desired " + json(values), devicePath() + "/desired", values);
  };

  // ---- polling ----

  let busy = false;
  async function refresh() {
    if (busy) return;
    busy = true;
    try {
      drawDevices(await getJson("/console/api/devices"));
      if (selected) {
        const d = await getJson("/console/api" + devicePath());
        if (selected === d.productId + "/" + d.deviceName) drawDevice(d);
      }
      $("status").textContent = "updated " + new Date().toLocaleTimeString();
    } catch (e) {
      $("status").textContent = "emulator unreachable: " + e.message;
    } finally {
      busy = false;
    }
  }
  refresh();
  setInterval(refresh, 1000);
})();
