//! The node's native prover: the pool behind the inference market's off-chain worker.
//!
//! With off-chain workers enabled the node starts a [`ProverPool`] over a content-addressed
//! model store (`--model-store`, by default `<base path>/model-store`) and hands it to the
//! off-chain workers as the [`ProvingExt`] extension: the market's worker requests proofs
//! through `offchain_proving` and collects them on later blocks. `--prover-threads` bounds
//! how many proofs run at once, `--prover-queue` how many wait. On development and local
//! chains the store is seeded with the demo model (the digits MLP their genesis registers)
//! and its proving key is generated in the background, so the first job does not wait for
//! it. Then, for each operator or prover key of type `zkin` in the keystore, the node checks
//! that it can serve what the key's node committed to (`prover_worker::readiness`:
//! artifacts in the store, registered keys and input domains, proving time against the
//! deadline window at the declared throughput) and logs what it cannot. Prometheus gets `zkinfer_prover_proofs_total`, `zkinfer_prover_failures_total`,
//! `zkinfer_prover_proof_seconds` and `zkinfer_prover_queue`.

use std::{path::PathBuf, sync::Arc, time::Duration};

use sc_service::{ChainType, Configuration};
use substrate_prometheus_endpoint::{
	register, Counter, Gauge, Histogram, HistogramOpts, PrometheusError, Registry, U64,
};
use zkinfer_proving_interface::{
	ProofRequest, ProofStatus, ProvingBackend, ProvingExt, RequestOutcome,
};

/// The keystore's key type of operator and prover keys (`zkin`), which the market's off-chain
/// worker signs results with.
pub const OPERATOR_KEY_TYPE: sp_core::crypto::KeyTypeId =
	sp_core::crypto::KeyTypeId(zkinfer_proving_interface::OPERATOR_KEY_TYPE);
use prover_worker::{
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
			proofs: register(
				Counter::new("zkinfer_prover_proofs_total", "Proofs made by the native prover")?,
				registry,
			)?,
			failures: register(
				Counter::new(
					"zkinfer_prover_failures_total",
					"Proof requests the native prover failed",
				)?,
				registry,
			)?,
			proof_seconds: register(
				Histogram::with_opts(
					HistogramOpts::new(
						"zkinfer_prover_proof_seconds",
						"Time to make one proof, model loading included",
					)
					.buckets(vec![0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]),
				)?,
				registry,
			)?,
			queue: register(
				Gauge::new("zkinfer_prover_queue", "Proof requests waiting")?,
				registry,
			)?,
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
	let root = params
		.model_store
		.clone()
		.unwrap_or_else(|| config.base_path.path().join("model-store"));
	let store = ModelStore::new(root);
	let srs = match &params.prover_srs {
		Some(path) => SrsSource::File(path.clone()),
		None => store.dev_srs(),
	};
	let development =
		matches!(config.chain_spec.chain_type(), ChainType::Development | ChainType::Local);
	if development {
		demo::compile_digits_mlp(&store, &srs)
			.map_err(|e| format!("seeding the model store with the demo model: {e}"))?;
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
	let pool = Arc::new(
		ProverPool::start(pool_config, observer)
			.map_err(|e| format!("starting the prover: {e}"))?,
	);
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

/// What a node's service terms commit its prover to, as the readiness check reads them.
fn commitments(
	terms: &zkinfer_primitives::ServiceTerms<zkinfer_runtime::AccountId>,
) -> prover_worker::readiness::Commitments {
	prover_worker::readiness::Commitments {
		throughput: terms.throughput,
		deadline_blocks: terms.deadline_blocks,
		block_millis: terms.block_millis,
		models: terms
			.models
			.iter()
			.map(|served| prover_worker::readiness::ServedModel {
				model: served.model,
				artifact: served.artifact.0,
				vk: served.vk.0,
				input_domain: (served.input_domain.min, served.input_domain.max),
				compute_units: served.compute_units,
			})
			.collect(),
	}
}

/// Checks, in the background, that the prover can serve what the nodes of the local
/// `zkin` keys committed to at the best block, and logs each model's verdict.
pub fn check_readiness<C>(
	client: Arc<C>,
	keystore: sp_keystore::KeystorePtr,
	config: &Configuration,
	params: &ProverParams,
) where
	C: sp_api::ProvideRuntimeApi<zkinfer_runtime::opaque::Block>
		+ sp_blockchain::HeaderBackend<zkinfer_runtime::opaque::Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: zkinfer_primitives::runtime_api::NodeStakingApi<
		zkinfer_runtime::opaque::Block,
		zkinfer_runtime::AccountId,
		zkinfer_runtime::Balance,
		zkinfer_runtime::BlockNumber,
	>,
{
	use zkinfer_primitives::runtime_api::NodeStakingApi;
	let root = params
		.model_store
		.clone()
		.unwrap_or_else(|| config.base_path.path().join("model-store"));
	let store = ModelStore::new(root);
	let srs = match &params.prover_srs {
		Some(path) => SrsSource::File(path.clone()),
		None => store.dev_srs(),
	};
	let threads = params.prover_threads.max(1);
	let spawned = std::thread::Builder::new().name("zkinfer-prover-readiness".into()).spawn(move || {
		let best = client.info().best_hash;
		for public in keystore.sr25519_public_keys(OPERATOR_KEY_TYPE) {
			let key = zkinfer_runtime::AccountId::from(public.0);
			let terms = match client.runtime_api().service_terms(best, key.clone()) {
				Ok(Some(terms)) => terms,
				Ok(None) => {
					log::warn!(target: "zkinfer", "🧮 The key {key} in the keystore operates no node and is no node's prover key");
					continue;
				},
				Err(error) => {
					log::warn!(target: "zkinfer", "🧮 Reading the service terms of {key}: {error}");
					continue;
				},
			};
			for verdict in prover_worker::readiness::check(&store, &srs, &commitments(&terms), threads) {
				if verdict.ready {
					log::info!(
						target: "zkinfer",
						"🧮 Ready for model {}: a proof takes {:.2} s, {} jobs per deadline window",
						verdict.model,
						verdict.proof_seconds.unwrap_or_default(),
						verdict.jobs_per_window
					);
				} else {
					log::error!(
						target: "zkinfer",
						"🧮 Not ready for model {} that node {} serves: {}",
						verdict.model,
						terms.node,
						verdict.problems.join("; ")
					);
				}
			}
		}
	});
	if let Err(error) = spawned {
		log::warn!(target: "zkinfer", "🧮 Could not start the readiness check: {error}");
	}
}

/// The pool as the off-chain proving host functions reach it.
struct PoolBackend(Arc<ProverPool>);

impl ProvingBackend for PoolBackend {
	fn request(&self, request: ProofRequest) -> RequestOutcome {
		self.0.request(request)
	}

	fn status(&self, job: u64, node: &[u8; 32]) -> ProofStatus {
		self.0.status(job, node)
	}
}

/// The off-chain workers' extension for one run: the pool behind [`ProvingExt`].
pub fn extension(pool: &Arc<ProverPool>) -> ProvingExt {
	ProvingExt::new(Arc::new(PoolBackend(pool.clone())))
}
