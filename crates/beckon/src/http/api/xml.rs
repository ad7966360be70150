//! Answers of the command API as a small element tree, written as XML by quick-xml (which
//! escapes every text and attribute) or as JSON for `/api/command/v2`.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use serde_json::{Map, Value};

/// The vendor's command-API namespace, which integrations parse.
pub const NAMESPACE: &str = "http://www.bomgar.com/namespaces/API/command";

#[derive(Debug, Clone)]
pub struct Node {
    pub name: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: Option<String>,
    pub children: Vec<Node>,
    /// A list container: in JSON its children are always arrays, even with one or none.
    pub list: bool,
    list_item: Option<&'static str>,
}

impl Node {
    pub fn new(name: &'static str) -> Node {
        Node {
            name,
            attrs: Vec::new(),
            text: None,
            children: Vec::new(),
            list: false,
            list_item: None,
        }
    }
    /// A list container named `name` whose items are called `item` (for the JSON shape).
    pub fn list(
        name: &'static str,
        item: &'static str,
        items: impl IntoIterator<Item = Node>,
    ) -> Node {
        let mut n = Node {
            list: true,
            ..Node::new(name)
        };
        n.children.extend(items);
        n.attrs.clear();
        n.list_item = Some(item);
        n
    }
    pub fn text(name: &'static str, text: impl ToString) -> Node {
        Node {
            text: Some(text.to_string()),
            ..Node::new(name)
        }
    }
    pub fn attr(mut self, k: &'static str, v: impl ToString) -> Node {
        self.attrs.push((k, v.to_string()));
        self
    }
    pub fn child(mut self, c: Node) -> Node {
        self.children.push(c);
        self
    }
    pub fn children(mut self, cs: impl IntoIterator<Item = Node>) -> Node {
        self.children.extend(cs);
        self
    }

    /// The document, with the namespace on the root element.
    pub fn to_xml(&self) -> String {
        let mut w = Writer::new(Vec::new());
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        self.write(&mut w, true);
        String::from_utf8(w.into_inner()).unwrap_or_default()
    }

    fn write(&self, w: &mut Writer<Vec<u8>>, root: bool) {
        let mut start = BytesStart::new(self.name);
        if root {
            start.push_attribute(("xmlns", NAMESPACE));
        }
        for (k, v) in &self.attrs {
            // Escaped by hand: a parser turns a raw tab, CR or LF in an attribute into a space
            // (attribute-value normalization), so they go as character references to come back
            // as sent; characters XML cannot carry are dropped, as in text.
            let escaped = escape_xml(v, true);
            start.push_attribute(quick_xml::events::attributes::Attribute {
                key: quick_xml::name::QName(k.as_bytes()),
                value: escaped.into_bytes().into(),
            });
        }
        if self.text.is_none() && self.children.is_empty() {
            let _ = w.write_event(Event::Empty(start));
            return;
        }
        let _ = w.write_event(Event::Start(start));
        if let Some(t) = &self.text {
            // A raw CR would come back as LF (parsers normalize line ends): it goes as `&#13;`.
            let escaped = escape_xml(t, false);
            let _ = w.write_event(Event::Text(BytesText::from_escaped(escaped)));
        }
        for c in &self.children {
            c.write(w, false);
        }
        let _ = w.write_event(Event::End(BytesEnd::new(self.name)));
    }

    /// The same answer as JSON: attributes and children become fields; repeated children and
    /// list containers become arrays.
    pub fn to_json(&self) -> Value {
        let mut root = Map::new();
        root.insert(self.name.to_string(), self.json_body());
        Value::Object(root)
    }

    fn json_body(&self) -> Value {
        if self.list {
            let mut m = Map::new();
            m.insert(
                self.list_item.unwrap_or("item").to_string(),
                Value::Array(self.children.iter().map(Node::json_body).collect()),
            );
            return Value::Object(m);
        }
        if self.children.is_empty() && self.attrs.is_empty() {
            return self.text.clone().map(Value::String).unwrap_or(Value::Null);
        }
        let mut m = Map::new();
        for (k, v) in &self.attrs {
            m.insert((*k).to_string(), Value::String(v.clone()));
        }
        if let Some(t) = &self.text {
            m.insert("value".into(), Value::String(t.clone()));
        }
        for c in &self.children {
            let v = c.json_body();
            match m.get_mut(c.name) {
                Some(Value::Array(a)) => a.push(v),
                Some(existing) => {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, v]);
                }
                None => {
                    m.insert(c.name.to_string(), v);
                }
            }
        }
        Value::Object(m)
    }
}

/// XML 1.0's `Char` production: what a document can carry at all, escaped or not. (Control
/// characters but tab, LF and CR are out, and so are U+FFFE and U+FFFF, which a strict parser
/// refuses; C1 controls and DEL are allowed.)
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes a text or attribute value; drops what XML cannot carry, writes CR (and in
/// attributes tab and LF) as character references so that they survive parsing.
fn escape_xml(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| xml_char(*c)) {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_hostile_text_and_attributes() {
        let doc = Node::new("x")
            .attr("a", "\"<&>'")
            .child(Node::text("t", "</t><script>&amp;\u{1}"))
            .to_xml();
        assert!(doc.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(doc.contains(&format!("xmlns=\"{NAMESPACE}\"")));
        assert!(doc.contains("&lt;/t&gt;&lt;script&gt;&amp;amp;"), "{doc}");
        assert!(!doc.contains('\u{1}'));
        let mut reader = quick_xml::Reader::from_str(&doc);
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}: {doc}"),
            }
        }
    }

    #[test]
    fn line_ends_and_non_xml_characters() {
        let doc = Node::new("x")
            .attr("a", "1\n2\t3\r4")
            .child(Node::text("t", "a\r\nb\rc\u{FFFE}\u{FFFF}d\u{85}e\u{7f}"))
            .to_xml();
        // CR in text, and tab/CR/LF in attributes, as references that parsers keep.
        assert!(doc.contains("a=\"1&#10;2&#9;3&#13;4\""), "{doc}");
        assert!(
            doc.contains("<t>a&#13;\nb&#13;cd\u{85}e\u{7f}</t>"),
            "{doc}"
        );
    }

    #[test]
    fn json_mirrors_the_tree() {
        let doc = Node::new("reps").child(
            Node::new("rep")
                .attr("id", 1)
                .child(Node::text("name", "A")),
        );
        assert_eq!(doc.to_json()["reps"]["rep"]["name"], "A");
        let two = doc.clone().child(Node::new("rep").attr("id", 2));
        assert!(two.to_json()["reps"]["rep"].is_array());
        let empty = Node::list("reps", "rep", vec![]);
        assert_eq!(empty.to_json()["reps"]["rep"], serde_json::json!([]));
    }
}
