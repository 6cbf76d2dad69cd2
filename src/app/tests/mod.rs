//! `App::update` behaviour: messages in, state and commands out. No terminal, no network.

mod all_regions;
mod filter_and_copy;
mod input;
mod live;
mod loading;
mod records;
