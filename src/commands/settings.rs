//! Presentation settings the AWS CLI takes from its configuration: the output format
//! (`--output` > `AWS_DEFAULT_OUTPUT` > the profile's `output` > json) and the timestamp
//! format (the profile's `cli_timestamp_format`, iso8601 by default as in v2).
//!
//! The config file is read with aws-config's own profile parser, so `AWS_CONFIG_FILE`,
//! `AWS_SHARED_CREDENTIALS_FILE` and the file syntax behave exactly as for the SDK.

use std::borrow::Cow;

use aws_runtime::env_config::file::EnvConfigFiles;
use aws_types::os_shim_internal::{Env, Fs};

use super::error::CommandError;
use crate::cli::OutputFormat;

/// How timestamps are printed (`cli_timestamp_format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    /// ISO 8601 in the local time zone (the v2 default).
    Iso8601,
    /// As the service sent them: epoch seconds.
    None,
}

/// What the selected profile says about presentation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileSettings {
    /// The profile in use when one was selected explicitly (`--profile`, env variables).
    pub selected: Option<String>,
    pub output: Option<String>,
    pub cli_timestamp_format: Option<String>,
}

/// The settings a command runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presentation {
    pub output: OutputFormat,
    pub timestamps: TimestampFormat,
}

/// The profile botocore selects: `--profile`, then `AWS_DEFAULT_PROFILE`, then `AWS_PROFILE`.
pub fn selected_profile(flag: Option<&str>, env: &Env) -> Option<String> {
    flag.map(str::to_string)
        .or_else(|| env.get("AWS_DEFAULT_PROFILE").ok())
        .or_else(|| env.get("AWS_PROFILE").ok())
        .filter(|p| !p.is_empty())
}

/// Reads the selected profile's `output` and `cli_timestamp_format`. An explicitly selected
/// profile that does not exist is a configuration error (unless `lenient`, as for `--demo`,
/// which never needs the user's profiles).
pub async fn load_profile_settings(
    flag: Option<&str>,
    fs: &Fs,
    env: &Env,
    lenient: bool,
) -> Result<ProfileSettings, CommandError> {
    let selected = selected_profile(flag, env);
    let name = selected.clone().unwrap_or_else(|| "default".to_string());
    let set = match aws_config::profile::load(
        fs,
        env,
        &EnvConfigFiles::default(),
        Some(Cow::Owned(name.clone())),
    )
    .await
    {
        Ok(set) => set,
        Err(_) if lenient => return Ok(ProfileSettings::default()),
        Err(e) => {
            // The path and line are in the error's causes, not its own message.
            let mut cause: &(dyn std::error::Error + 'static) = &e;
            while let Some(next) = cause.source() {
                cause = next;
            }
            let cause = cause.to_string().replace('\n', " ");
            return Err(CommandError::Config(format!(
                "Unable to parse config file: {cause}"
            )));
        }
    };
    match set.get_profile(&name) {
        Some(profile) => Ok(ProfileSettings {
            selected,
            output: profile.get("output").map(str::to_string),
            cli_timestamp_format: profile.get("cli_timestamp_format").map(str::to_string),
        }),
        None if selected.is_some() && !lenient => Err(CommandError::Config(format!(
            "The config profile ({name}) could not be found"
        ))),
        None => Ok(ProfileSettings {
            selected,
            ..ProfileSettings::default()
        }),
    }
}

/// Combines the command line, the environment and the profile into the settings to use.
pub fn resolve(
    flag_output: Option<OutputFormat>,
    env_output: Option<&str>,
    profile: &ProfileSettings,
) -> Result<Presentation, CommandError> {
    let output = match flag_output {
        Some(format) => format,
        None => match env_output.or(profile.output.as_deref()) {
            Some(name) => parse_output(name)?,
            None => OutputFormat::Json,
        },
    };
    let timestamps = match profile.cli_timestamp_format.as_deref() {
        None | Some("iso8601") => TimestampFormat::Iso8601,
        Some("none") => TimestampFormat::None,
        Some(other) => {
            return Err(CommandError::Config(format!(
                "Unknown cli_timestamp_format value: {other}, valid values are: none or iso8601"
            )));
        }
    };
    Ok(Presentation { output, timestamps })
}

fn parse_output(name: &str) -> Result<OutputFormat, CommandError> {
    match name {
        "json" => Ok(OutputFormat::Json),
        "text" => Ok(OutputFormat::Text),
        "table" => Ok(OutputFormat::Table),
        "yaml" => Ok(OutputFormat::Yaml),
        "yaml-stream" => Ok(OutputFormat::YamlStream),
        other => Err(CommandError::Config(format!(
            "Unknown output type: {other} (valid: json, text, table, yaml, yaml-stream)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "[default]\noutput = table\n\n[profile iso]\noutput = text\n\
                          cli_timestamp_format = none\n";

    async fn load(
        flag: Option<&str>,
        env: &[(&str, &str)],
    ) -> Result<ProfileSettings, CommandError> {
        let fs = Fs::from_slice(&[("/cfg", CONFIG)]);
        let mut vars = vec![("AWS_CONFIG_FILE", "/cfg"), ("HOME", "/home/none")];
        vars.extend_from_slice(env);
        load_profile_settings(flag, &fs, &Env::from_slice(&vars), false).await
    }

    #[tokio::test]
    async fn the_selected_profile_supplies_output_and_timestamp_format() {
        let default = load(None, &[]).await.unwrap();
        assert_eq!(default.output.as_deref(), Some("table"));
        assert_eq!(default.selected, None);
        let iso = load(Some("iso"), &[]).await.unwrap();
        assert_eq!(iso.output.as_deref(), Some("text"));
        assert_eq!(iso.cli_timestamp_format.as_deref(), Some("none"));
        let by_env = load(None, &[("AWS_PROFILE", "iso")]).await.unwrap();
        assert_eq!(by_env.selected.as_deref(), Some("iso"));
        // botocore reads AWS_DEFAULT_PROFILE before AWS_PROFILE; the flag beats both.
        let both = load(
            None,
            &[("AWS_PROFILE", "nope"), ("AWS_DEFAULT_PROFILE", "iso")],
        )
        .await
        .unwrap();
        assert_eq!(both.selected.as_deref(), Some("iso"));
        let flag = load(Some("default"), &[("AWS_PROFILE", "iso")])
            .await
            .unwrap();
        assert_eq!(flag.output.as_deref(), Some("table"));
    }

    #[tokio::test]
    async fn an_unknown_profile_is_a_configuration_error() {
        let err = load(Some("missing"), &[]).await.unwrap_err();
        assert_eq!(err.exit_code(), 253);
        assert_eq!(
            err.stderr_text(),
            "\nThe config profile (missing) could not be found\n"
        );
        let fs = Fs::from_slice(&[]);
        let env = Env::from_slice(&[("HOME", "/home/none")]);
        let lenient = load_profile_settings(Some("missing"), &fs, &env, true).await;
        assert_eq!(lenient.unwrap().output, None);
    }

    #[test]
    fn flag_beats_environment_beats_profile() {
        let profile = ProfileSettings {
            output: Some("table".into()),
            ..ProfileSettings::default()
        };
        let p = resolve(Some(OutputFormat::Yaml), Some("text"), &profile).unwrap();
        assert_eq!(p.output, OutputFormat::Yaml);
        let p = resolve(None, Some("text"), &profile).unwrap();
        assert_eq!(p.output, OutputFormat::Text);
        let p = resolve(None, None, &profile).unwrap();
        assert_eq!(p.output, OutputFormat::Table);
        assert_eq!(p.timestamps, TimestampFormat::Iso8601);
        let p = resolve(None, None, &ProfileSettings::default()).unwrap();
        assert_eq!(p.output, OutputFormat::Json);
    }

    #[test]
    fn bad_values_are_configuration_errors() {
        let bad_output = resolve(None, Some("xml"), &ProfileSettings::default()).unwrap_err();
        assert_eq!(bad_output.exit_code(), 253);
        let profile = ProfileSettings {
            cli_timestamp_format: Some("wire".into()),
            ..ProfileSettings::default()
        };
        assert_eq!(resolve(None, None, &profile).unwrap_err().exit_code(), 253);
        let profile = ProfileSettings {
            cli_timestamp_format: Some("none".into()),
            ..ProfileSettings::default()
        };
        assert_eq!(
            resolve(None, None, &profile).unwrap().timestamps,
            TimestampFormat::None
        );
    }
}
