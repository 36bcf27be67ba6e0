// The one XML feed layout we read: the canonical feed (CONTRACTS §5) with one element per field.
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <inventory>
//     <vehicle>
//       <external_id>A-1001</external_id> <make>Toyota</make> <model>Corolla</model> <variant>1.8 Hybrid</variant>
//       <year>2021</year> <mileage_km>42000</mileage_km> <price>23950</price> <currency>EUR</currency>
//       <fuel>hybrid</fuel> <transmission>automatic</transmission> <body>estate</body> <color>grey</color>
//       <doors>5</doors> <seats>5</seats> <power_hp>122</power_hp> <status>available</status>
//       <description><![CDATA[Dealer-maintained, <b>one</b> owner]]></description>
//       <features><feature>Navigation</feature><feature>Cruise control</feature></features>
//       <images><image>https://cdn.example.com/a1001-1.jpg</image></images>
//     </vehicle>
//   </inventory>
//
// Other child elements of <vehicle> are kept as extra fields (text). Attributes are ignored. A DOCTYPE is
// refused, so no entity expansion can happen; only the five XML entities and character references are decoded.

type XmlElement = { name: string; children: XmlElement[]; text: string };
type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return entities[ref] ?? whole;
    const code = ref[1].toLowerCase() === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A small, strict XML reader: elements, text, CDATA, comments and processing instructions. */
export function parseXml(xml: string): Parsed<XmlElement> {
  const root: XmlElement = { name: "#document", children: [], text: "" };
  const stack: XmlElement[] = [root];
  const line = (at: number) => xml.slice(0, at).split("\n").length;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const top = stack[stack.length - 1];
    if (lt === -1) {
      if (xml.slice(i).trim() && stack.length > 1) top.text += decode(xml.slice(i));
      break;
    }
    if (lt > i) top.text += decode(xml.slice(i, lt));
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end === -1) return { ok: false, error: `Unclosed comment on line ${line(lt)}` };
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end === -1) return { ok: false, error: `Unclosed CDATA on line ${line(lt)}` };
      top.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end === -1) return { ok: false, error: `Unclosed processing instruction on line ${line(lt)}` };
      i = end + 2;
    } else if (xml.startsWith("<!", lt)) {
      return { ok: false, error: `DOCTYPE and DTDs are not accepted (line ${line(lt)})` };
    } else {
      const end = xml.indexOf(">", lt + 1);
      if (end === -1) return { ok: false, error: `Unclosed tag on line ${line(lt)}` };
      const tag = xml.slice(lt + 1, end);
      const name = /^\/?\s*([A-Za-z_][\w.:-]*)/.exec(tag)?.[1];
      if (!name) return { ok: false, error: `Malformed tag <${tag.slice(0, 40)}> on line ${line(lt)}` };
      if (tag.startsWith("/")) {
        if (stack.length === 1 || top.name !== name) return { ok: false, error: `Unexpected </${name}> on line ${line(lt)}` };
        stack.pop();
      } else {
        const el: XmlElement = { name, children: [], text: "" };
        if (stack.length === 1 && root.children.length) return { ok: false, error: `A second root element <${name}> on line ${line(lt)}` };
        top.children.push(el);
        if (!tag.trimEnd().endsWith("/")) stack.push(el);
      }
      i = end + 1;
    }
  }
  if (stack.length > 1) return { ok: false, error: `<${stack[stack.length - 1].name}> is never closed` };
  if (!root.children[0]) return { ok: false, error: "The document has no root element" };
  return { ok: true, value: root.children[0] };
}

const listFields: Record<string, string> = { features: "feature", images: "image" };

/** Rows of the XML layout above, ready for the same row validation as JSON and CSV. */
export function xmlFeedRows(xml: string): Parsed<Record<string, unknown>[]> {
  const doc = parseXml(xml);
  if (!doc.ok) return { ok: false, error: `Malformed XML: ${doc.error}` };
  if (doc.value.name !== "inventory") return { ok: false, error: `Expected <inventory> with <vehicle> elements, found <${doc.value.name}>` };
  const rows = doc.value.children.filter((c) => c.name === "vehicle").map((vehicle) => {
    const row: Record<string, unknown> = {};
    for (const field of vehicle.children) {
      const item = listFields[field.name];
      row[field.name] = item ? field.children.filter((c) => c.name === item).map((c) => c.text.trim()) : field.text.trim();
    }
    return row;
  });
  return { ok: true, value: rows };
}
