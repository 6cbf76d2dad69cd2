//! The profile names in the AWS config and credentials files (`AWS_CONFIG_FILE`,
//! `AWS_SHARED_CREDENTIALS_FILE` honoured), read with aws-config's own parser: what
//! `:profile` completes with Tab.

use aws_runtime::env_config::file::EnvConfigFiles;
use aws_types::os_shim_internal::{Env, Fs};

/// Every profile name, sorted; empty when the files are missing or unreadable (completion
/// then offers nothing, and `:profile NAME` still tries NAME and says what went wrong).
pub async fn profile_names() -> Vec<String> {
    let Ok(set) =
        aws_config::profile::load(&Fs::real(), &Env::real(), &EnvConfigFiles::default(), None)
            .await
    else {
        return Vec::new();
    };
    let mut names: Vec<String> = set.profiles().map(str::to_string).collect();
    names.sort_unstable();
    names
}
