//! The node's native prover: the pool behind the inference market's off-chain worker.
//!
//! With off-chain workers enabled the node starts a [`ProverPool`] over a content-addressed
//! model store (`--model-store`, by default `<base path>/model-store`) and hands it to the
//! off-chain workers as the [`ProvingExt`] extension: the market's worker requests proofs
//! through `offchain_proving` and collects them on later blocks. `--prover-threads` bounds
//! how many proofs run at once, `--prover-queue` how many wait. On development and local
//! chains the store is seeded with the demo model (the digits MLP their genesis registers)
//! and its proving key is generated in the background, so the first job does not wait for
//! it. Prometheus gets `zkinfer_prover_proofs_total`, `zkinfer_prover_failures_total`,
//! `zkinfer_prover_proof_seconds` and `zkinfer_prover_queue`.

use std::{path::PathBuf, sync::Arc, time::Duration};

use sc_service::{ChainType, Configuration};
use substrate_prometheus_endpoint::{
	register, Counter, Gauge, Histogram, HistogramOpts, PrometheusError, Registry, U64,
};
use zkinfer_offchain_prover::ProvingExt;
use zkinfer_prover::{
	artifact::SrsSource,
	demo,
	pool::{PoolConfig, PoolObserver, ProverPool},
	store::ModelStore,
};

/// The native prover's options.
#[derive(Debug, Clone, clap::Args)]
pub struct ProverParams {
	/// The content-addressed model store the prover loads compiled models from (directories
	/// named by artifact hash, as `prover-worker compile --out` writes them). Default:
	/// `<base path>/model-store`.
	#[arg(long, value_name = "DIR")]
	pub model_store: Option<PathBuf>,

	/// How many proofs the node makes at once.
	#[arg(long, value_name = "COUNT", default_value_t = 1)]
	pub prover_threads: usize,

	/// How many proof requests may wait; more are refused until some are done.
	#[arg(long, value_name = "COUNT", default_value_t = 64)]
	pub prover_queue: usize,

	/// A KZG params file to prove with; without it the development SRS (insecure, cached in
	/// the model store) is used, which is what development chains verify against.
	#[arg(long, value_name = "FILE")]
	pub prover_srs: Option<PathBuf>,
}

/// The prover's Prometheus metrics.
struct ProverMetrics {
	proofs: Counter<U64>,
	failures: Counter<U64>,
	proof_seconds: Histogram,
	queue: Gauge<U64>,
}

impl ProverMetrics {
	fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		Ok(Self {
			proofs: register(Counter::new("zkinfer_prover_proofs_total", "Proofs made by the native prover")?, registry)?,
			failures: register(
				Counter::new("zkinfer_prover_failures_total", "Proof requests the native prover failed")?,
				registry,
			)?,
			proof_seconds: register(
				Histogram::with_opts(
					HistogramOpts::new("zkinfer_prover_proof_seconds", "Time to make one proof, model loading included")
						.buckets(vec![0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]),
				)?,
				registry,
			)?,
			queue: register(Gauge::new("zkinfer_prover_queue", "Proof requests waiting")?, registry)?,
		})
	}
}

impl PoolObserver for ProverMetrics {
	fn proved(&self, elapsed: Duration) {
		self.proofs.inc();
		self.proof_seconds.observe(elapsed.as_secs_f64());
	}

	fn failed(&self) {
		self.failures.inc();
	}

	fn queue_length(&self, waiting: usize) {
		self.queue.set(waiting as u64);
	}
}

/// Starts the prover pool for `config`'s chain.
pub fn start(config: &Configuration, params: &ProverParams) -> Result<Arc<ProverPool>, String> {
	let root = params.model_store.clone().unwrap_or_else(|| config.base_path.path().join("model-store"));
	let store = ModelStore::new(root);
	let srs = match &params.prover_srs {
		Some(path) => SrsSource::File(path.clone()),
		None => store.dev_srs(),
	};
	let development = matches!(config.chain_spec.chain_type(), ChainType::Development | ChainType::Local);
	if development {
		demo::compile_digits_mlp(&store, &srs).map_err(|e| format!("seeding the model store with the demo model: {e}"))?;
	}
	let observer = match config.prometheus_registry() {
		Some(registry) => Some(Arc::new(
			ProverMetrics::register(registry).map_err(|e| format!("prover metrics: {e}"))?,
		) as Arc<dyn PoolObserver>),
		None => None,
	};
	let mut pool_config = PoolConfig::new(store.clone());
	pool_config.srs = srs;
	pool_config.threads = params.prover_threads.max(1);
	pool_config.queue_capacity = params.prover_queue.max(1);
	let pool = Arc::new(ProverPool::start(pool_config, observer).map_err(|e| format!("starting the prover: {e}"))?);
	log::info!(
		target: "zkinfer",
		"🧮 Native prover: {} thread(s), model store {}",
		params.prover_threads.max(1),
		store.root().display()
	);
	if development {
		// The first job should not wait for the demo model's proving key.
		let warm = pool.clone();
		std::thread::Builder::new()
			.name("zkinfer-prover-warm-up".into())
			.spawn(move || {
				if let Err(error) = warm.warm_up(&demo::DIGITS_MLP_ARTIFACT) {
					log::warn!(target: "zkinfer", "preparing the demo model: {error}");
				}
			})
			.map_err(|e| format!("starting the prover: {e}"))?;
	}
	Ok(pool)
}

/// The off-chain workers' extension for one run: the pool behind [`ProvingExt`].
pub fn extension(pool: &Arc<ProverPool>) -> ProvingExt {
	ProvingExt::new(pool.clone())
}
