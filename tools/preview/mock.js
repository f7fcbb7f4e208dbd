// Draws one bot message the way the Discord or the Slack client shows it, from the JSON the platform receives.
// A page sets window.preview = { platform: "discord" | "slack", command, payload } before loading this file.
"use strict";

const escapeHtml = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Discord markdown, the subset the bot uses: \-escapes, [links](url), **bold**, *italic*, __underline__,
// ~~strike~~, `code`, "> " quotes, "-# " small text.
function discordMarkdown(text) {
  const escapes = [];
  const held = text.replace(/\\([\\*_~`\[\]()>#|-])/g, (_, ch) => `\u0000${escapes.push(ch) - 1}\u0000`);
  const lines = escapeHtml(held).split("\n").map((line) => {
    let html = line
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/__(.+?)__/g, "<u>$1</u>")
      .replace(/\*(.+?)\*/g, "<em>$1</em>")
      .replace(/~~(.+?)~~/g, "<s>$1</s>");
    if (html.startsWith("&gt; ")) html = `<div class="quote">${html.slice(5)}</div>`;
    else if (html.startsWith("-# ")) html = `<div class="subtext">${html.slice(3)}</div>`;
    return html;
  });
  return lines.join("<br>").replace(/\u0000(\d+)\u0000/g, (_, i) => escapeHtml(escapes[+i]));
}

// Slack mrkdwn: <url|label> links first (their brackets are the only raw < and >), then &lt; &gt; &amp; decoded,
// then *bold*, _italic_, ~strike~, `code`.
function slackMrkdwn(text) {
  const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const emphasis = (s) =>
    escapeHtml(decode(s))
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, "$1<strong>$2</strong>")
      .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
      .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, "$1<s>$2</s>");
  return text
    .split(/(<[^>]+>)/)
    .map((part) => {
      const link = /^<([^|>]+)(?:\|([^>]*))?>$/.exec(part);
      if (!link) return emphasis(part);
      const label = link[2] ?? link[1];
      return `<a href="${escapeHtml(decode(link[1]))}">${escapeHtml(decode(label))}</a>`;
    })
    .join("")
    .split("\n")
    .map((line) => (line.startsWith("&gt; ") ? `<div class="quote">${line.slice(5)}</div>` : line))
    .join("<br>");
}

const hex = (color) => "#" + (color ?? 0x4f545c).toString(16).padStart(6, "0");
const element = (html) => {
  const holder = document.createElement("div");
  holder.innerHTML = html;
  return holder.firstElementChild;
};

function discordMessage(payload) {
  const parts = [];
  if (payload.content) parts.push(`<div class="content">${discordMarkdown(payload.content)}</div>`);
  for (const embed of payload.embeds ?? []) {
    const title = embed.title
      ? `<div class="title">${embed.url ? `<a href="${escapeHtml(embed.url)}">` : ""}${discordMarkdown(embed.title)}${embed.url ? "</a>" : ""}</div>`
      : "";
    const description = embed.description ? `<div class="description">${discordMarkdown(embed.description)}</div>` : "";
    const fields = (embed.fields ?? [])
      .map(
        (f) =>
          `<div class="field${f.inline ? " inline" : ""}"><div class="name">${discordMarkdown(f.name)}</div>` +
          `<div class="value">${discordMarkdown(f.value)}</div></div>`
      )
      .join("");
    const image = embed.image ? `<div class="image">image: ${escapeHtml(embed.image.url)}</div>` : "";
    const footer = embed.footer ? `<div class="footer">${escapeHtml(embed.footer.text)}</div>` : "";
    parts.push(
      `<div class="embed" style="border-left-color:${hex(embed.color)}">${title}${description}` +
        `${fields ? `<div class="fields">${fields}</div>` : ""}${image}${footer}</div>`
    );
  }
  for (const row of payload.components ?? []) {
    const buttons = row.components
      .map((b) => `<span class="button style-${b.style}${b.disabled ? " disabled" : ""}">${escapeHtml(b.label ?? "")}</span>`)
      .join("");
    parts.push(`<div class="row">${buttons}</div>`);
  }
  const ephemeral = (payload.flags ?? 0) & 64;
  return `<div class="message discord">
    <div class="avatar"></div>
    <div class="body">
      <div class="header"><span class="author">GrokFactsBot</span><span class="tag">APP</span><span class="time">Today at 14:02</span></div>
      ${parts.join("")}
      ${ephemeral ? '<div class="ephemeral">👁 Only you can see this · <a>Dismiss message</a></div>' : ""}
    </div>
  </div>`;
}

function slackBlock(block) {
  const text = (t) => (t.type === "mrkdwn" ? slackMrkdwn(t.text) : escapeHtml(t.text));
  switch (block.type) {
    case "header":
      return `<div class="header-block">${escapeHtml(block.text.text)}</div>`;
    case "section": {
      const body = block.text ? `<div class="section-text">${text(block.text)}</div>` : "";
      const fields = block.fields
        ? `<div class="section-fields">${block.fields.map((f) => `<div>${text(f)}</div>`).join("")}</div>`
        : "";
      return `<div class="section">${body}${fields}</div>`;
    }
    case "context":
      return `<div class="context">${block.elements
        .map((e) => (e.type === "image" ? `<span class="context-image"></span>` : `<span>${text(e)}</span>`))
        .join("")}</div>`;
    case "divider":
      return '<hr class="divider">';
    case "actions":
      return `<div class="actions">${block.elements
        .map((e) => `<span class="button ${e.style ?? "default"}">${escapeHtml(e.text.text)}</span>`)
        .join("")}</div>`;
    case "image":
      return `<div class="image">image: ${escapeHtml(block.alt_text ?? "")}</div>`;
    default:
      return `<div class="unknown">[${escapeHtml(block.type)} block]</div>`;
  }
}

function slackMessage(payload) {
  const blocks = payload.blocks?.length ? payload.blocks.map(slackBlock).join("") : slackMrkdwn(payload.text ?? "");
  const ephemeral = payload.response_type !== "in_channel";
  return `<div class="message slack">
    <div class="avatar"></div>
    <div class="body">
      <div class="header"><span class="author">GrokFactsBot</span><span class="tag">APP</span><span class="time">2:02 PM</span></div>
      ${ephemeral ? '<div class="ephemeral">Only visible to you</div>' : ""}
      ${blocks}
    </div>
  </div>`;
}

// The phone screen the page stands for (CSS pixels); run.sh sizes the window to it.
const PHONE_HEIGHT = 844;

// Shows the message, then notes its height against a third of the phone screen.
function draw() {
  const { platform, command, payload } = window.preview;
  const channel = document.getElementById("channel");
  const message = element(platform === "discord" ? discordMessage(payload) : slackMessage(payload));
  channel.appendChild(message);
  const third = Math.round(PHONE_HEIGHT / 3);
  const height = Math.round(message.getBoundingClientRect().height);
  const marker = document.getElementById("third");
  marker.style.top = `${Math.round(message.getBoundingClientRect().top) + third}px`;
  document.getElementById("caption").textContent =
    `${platform} · ${command} · message ${height} px tall; a third of a ${PHONE_HEIGHT} px phone screen is ${third} px` +
    (height > third ? " — TOO TALL" : "");
  document.title = `${height}`;
}

draw();
