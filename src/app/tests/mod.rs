//! `App::update` behaviour: messages in, state and commands out. No terminal, no network.

mod all_regions;
mod command_line;
mod connection;
mod filter_and_copy;
mod hierarchy;
mod input;
mod live;
mod loading;
mod records;
mod sweep;
mod users_with;
