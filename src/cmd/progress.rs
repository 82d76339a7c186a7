//! The progress bar of `pifu convert` (stderr, only on a terminal): the
//! bar fills the terminal's width, and the rate and the ETA come from the
//! documents finished in the last few seconds, so neither the start-up of
//! the workers nor one slow document decides them.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressState, ProgressStyle};

/// How far back the rate looks.
const WINDOW: Duration = Duration::from_secs(10);

/// Documents per second over the last [`WINDOW`]: from the oldest sample in
/// the window (at least the one before the newest) to the newest. No rate
/// until two samples with different positions exist, so the time before
/// the first document (workers starting) never counts.
#[derive(Debug, Clone, Default)]
pub struct MovingRate {
    samples: VecDeque<(Instant, u64)>,
}

impl MovingRate {
    /// Notes that `pos` documents were done at `now`.
    pub fn record(&mut self, now: Instant, pos: u64) {
        match self.samples.back() {
            Some(&(_, last)) if last == pos => return,
            Some(&(_, last)) if pos < last => self.samples.clear(),
            _ => {}
        }
        // Nothing done yet: the clock starts at the first document.
        if pos == 0 {
            return;
        }
        self.samples.push_back((now, pos));
        while self.samples.len() > 2
            && self
                .samples
                .get(1)
                .is_some_and(|&(t, _)| now.saturating_duration_since(t) >= WINDOW)
        {
            self.samples.pop_front();
        }
    }

    /// Documents per second, once two have been timed.
    pub fn per_sec(&self) -> Option<f64> {
        let (t0, p0) = *self.samples.front()?;
        let (t1, p1) = *self.samples.back()?;
        let secs = t1.saturating_duration_since(t0).as_secs_f64();
        (p1 > p0 && secs > 0.0).then(|| (p1 - p0) as f64 / secs)
    }

    /// Time left for `remaining` documents at the moving rate.
    pub fn eta(&self, remaining: u64) -> Option<Duration> {
        let rate = self.per_sec()?;
        let secs = remaining as f64 / rate;
        secs.is_finite()
            .then(|| Duration::from_secs_f64(secs.clamp(0.0, 1e7)))
    }
}

/// Whole numbers: `182/s`; below one document a second, the seconds a
/// document takes (`3s/doc`), so that a slow run does not show `0/s`.
pub fn format_rate(per_sec: f64) -> String {
    if per_sec >= 0.95 {
        format!("{per_sec:.0}/s")
    } else {
        format!("{:.0}s/doc", 1.0 / per_sec.max(1e-3))
    }
}

/// `42s`, `3m05s`, `2h01m`.
pub fn format_eta(d: Duration) -> String {
    let s = d.as_secs_f64().round() as u64;
    match s {
        0..=59 => format!("{s}s"),
        60..=3599 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, (s % 3600) / 60),
    }
}

/// A template key: the moving rate, or the ETA from it.
#[derive(Clone)]
struct Key {
    eta: bool,
    rate: MovingRate,
}

impl indicatif::style::ProgressTracker for Key {
    fn clone_box(&self) -> Box<dyn indicatif::style::ProgressTracker> {
        Box::new(self.clone())
    }

    fn tick(&mut self, state: &ProgressState, now: Instant) {
        self.rate.record(now, state.pos());
    }

    fn reset(&mut self, _: &ProgressState, _: Instant) {
        self.rate = MovingRate::default();
    }

    fn write(&self, state: &ProgressState, w: &mut dyn std::fmt::Write) {
        let text = if self.eta {
            let remaining = state.len().unwrap_or(0).saturating_sub(state.pos());
            self.rate.eta(remaining).map(format_eta)
        } else {
            self.rate.per_sec().map(format_rate)
        };
        let _ = w.write_str(text.as_deref().unwrap_or("-"));
    }
}

/// The template: a bar as wide as the terminal leaves room for, then
/// `12/300 35/s eta 8s` (short, so that it fits a narrow terminal).
pub const TEMPLATE: &str = "{wide_bar} {pos}/{len} {rate} eta {eta}";

pub fn style() -> ProgressStyle {
    let style =
        ProgressStyle::with_template(TEMPLATE).unwrap_or_else(|_| ProgressStyle::default_bar());
    style
        .with_key(
            "rate",
            Key {
                eta: false,
                rate: MovingRate::default(),
            },
        )
        .with_key(
            "eta",
            Key {
                eta: true,
                rate: MovingRate::default(),
            },
        )
}

/// A bar for `n` inputs, when stderr is a terminal, the batch has more
/// than one input and `--quiet` is not given.
pub fn bar(n: usize, quiet: bool) -> Option<ProgressBar> {
    if quiet || n < 2 || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(n as u64);
    // Drawn as documents finish (at most 20 times a second), not on a
    // timer: each draw is a sample of the moving rate.
    bar.set_style(style());
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(rate: &MovingRate, remaining: u64) -> String {
        format!(
            "{} {}",
            rate.per_sec().map(format_rate).unwrap_or_default(),
            rate.eta(remaining).map(format_eta).unwrap_or_default()
        )
    }

    #[test]
    fn rates_are_whole_numbers() {
        assert_eq!(format_rate(181.8044), "182/s");
        assert_eq!(format_rate(12.4), "12/s");
        assert_eq!(format_rate(1.4), "1/s");
        assert_eq!(format_rate(0.35), "3s/doc");
    }

    #[test]
    fn eta_is_whole_seconds_minutes_hours() {
        assert_eq!(format_eta(Duration::from_secs_f64(7.6)), "8s");
        assert_eq!(format_eta(Duration::from_secs(185)), "3m05s");
        assert_eq!(format_eta(Duration::from_secs(7260)), "2h01m");
    }

    /// The first document takes 5 s (workers starting), the next ones 0.1 s
    /// each: the ETA follows the documents, not the start.
    #[test]
    fn eta_follows_the_recent_rate_not_the_first_document() {
        let t0 = Instant::now();
        let mut r = MovingRate::default();
        r.record(t0, 0);
        assert_eq!(r.per_sec(), None);
        r.record(t0 + Duration::from_secs(5), 1);
        assert_eq!(r.per_sec(), None, "one document gives no rate");
        assert_eq!(describe(&r, 99), " ");
        for k in 2..=11u64 {
            r.record(t0 + Duration::from_millis(5000 + 100 * (k - 1)), k);
        }
        let rate = r.per_sec().unwrap();
        assert!((rate - 10.0).abs() < 0.01, "{rate}");
        assert_eq!(r.eta(89).map(format_eta).as_deref(), Some("9s"));
    }

    /// After a slow stretch, the rate is that of the last ten seconds.
    #[test]
    fn old_samples_leave_the_window() {
        let t0 = Instant::now();
        let mut r = MovingRate::default();
        // One document a second for a minute, then ten a second.
        for k in 1..=60u64 {
            r.record(t0 + Duration::from_secs(k), k);
        }
        for k in 1..=200u64 {
            r.record(
                t0 + Duration::from_secs(60) + Duration::from_millis(100 * k),
                60 + k,
            );
        }
        let rate = r.per_sec().unwrap();
        assert!((rate - 10.0).abs() < 0.5, "{rate}");
    }
}
