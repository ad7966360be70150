//! Server-rendered pages: minijinja templates from `templates/`, HTML-escaped by default.
//!
//! Release builds embed the templates; debug builds read them from disk on every render (as
//! rust-embed does in debug), so editing a page needs no rebuild.

use minijinja::Environment;
use rust_embed::RustEmbed;
use serde::Serialize;

#[derive(RustEmbed)]
#[folder = "templates/"]
struct TemplateFiles;

pub struct Templates {
    #[cfg(not(debug_assertions))]
    env: Environment<'static>,
}

fn build_env() -> Environment<'static> {
    let mut env = Environment::new();
    // `.html` templates escape every interpolated value; nothing is marked safe by default.
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            minijinja::AutoEscape::Html
        } else {
            minijinja::AutoEscape::None
        }
    });
    env.set_loader(|name| {
        Ok(TemplateFiles::get(name).map(|f| String::from_utf8_lossy(&f.data).into_owned()))
    });
    env
}

#[derive(Debug, thiserror::Error)]
#[error("template {name}: {source}")]
pub struct TemplateError {
    name: String,
    #[source]
    source: minijinja::Error,
}

impl Templates {
    pub fn new() -> Templates {
        Templates {
            #[cfg(not(debug_assertions))]
            env: build_env(),
        }
    }

    pub fn render<S: Serialize>(&self, name: &str, ctx: S) -> Result<String, TemplateError> {
        #[cfg(debug_assertions)]
        let env = build_env();
        #[cfg(not(debug_assertions))]
        let env = &self.env;
        env.get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|source| TemplateError {
                name: name.into(),
                source,
            })
    }
}

impl Default for Templates {
    fn default() -> Self {
        Templates::new()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_template_parses() {
        let env = super::build_env();
        for name in super::TemplateFiles::iter() {
            env.get_template(&name)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}
