//! The prover pool: proof requests queued and proved by a fixed number of threads.
//!
//! The node's off-chain workers and the standalone `prover-worker run` both prove through a
//! [`ProverPool`]:
//!
//! - [`ProverPool::request`] queues a [`ProofRequest`] and returns at once: `Accepted`,
//!   `AlreadyKnown` (pending or proved; a failed request may be made again), or `Busy` when
//!   `queue_capacity` requests wait already. Nothing a caller does blocks on proving.
//! - `threads` worker threads take requests in order, load the model from the
//!   [`ModelStore`] by its content address, and prove; [`ProverPool::status`] reports
//!   `Pending`, `Ready { output, proof }` or `Failed(reason)`.
//! - Proving keys are cached in memory per model (at most `cached_models`, oldest dropped
//!   first) and on disk in the artifact directory (`pk.bin`), so only the first job of a
//!   model pays for key generation.
//! - Finished results are remembered for `remembered` jobs, oldest forgotten first: memory
//!   stays bounded however long the node runs; a forgotten job reads `Unknown` and is simply
//!   requested again.
//! - A [`PoolObserver`] sees each proof's duration and each failure (the node turns them into
//!   Prometheus metrics).
//!
//! Dropping the pool stops its threads after the proofs they are working on.

use std::{
	collections::{HashMap, VecDeque},
	sync::{Arc, Condvar, Mutex, MutexGuard},
	thread::JoinHandle,
	time::{Duration, Instant},
};

use halo2_proofs::{
	halo2curves::bn256::{Bn256, G1Affine},
	plonk::ProvingKey,
	poly::kzg::commitment::ParamsKZG,
};
use rand_core::OsRng;
pub use zkinfer_proving_interface::{ProofRequest, ProofStatus, RequestOutcome};

use crate::{
	artifact::{self, Artifact, SrsSource},
	store::ModelStore,
};

/// How a pool is sized and where it finds models.
#[derive(Clone, Debug)]
pub struct PoolConfig {
	/// The model store.
	pub store: ModelStore,
	/// The SRS to prove with.
	pub srs: SrsSource,
	/// Proofs made at once (threads); at least 1.
	pub threads: usize,
	/// The most requests waiting; more are refused as `Busy`.
	pub queue_capacity: usize,
	/// The most models whose proving keys stay in memory.
	pub cached_models: usize,
	/// The most finished results kept for collection.
	pub remembered: usize,
}

impl PoolConfig {
	/// One thread, 64 waiting requests, 4 cached models, 1,024 remembered results, the
	/// development SRS cached in the store.
	pub fn new(store: ModelStore) -> Self {
		let srs = store.dev_srs();
		Self { store, srs, threads: 1, queue_capacity: 64, cached_models: 4, remembered: 1024 }
	}
}

/// Sees what the pool does (for metrics).
pub trait PoolObserver: Send + Sync {
	/// A proof was made in `elapsed` (model loading included).
	fn proved(&self, elapsed: Duration);
	/// A request failed.
	fn failed(&self);
	/// The number of waiting requests changed.
	fn queue_length(&self, waiting: usize);
}

type JobKey = (u64, [u8; 32]);

/// A model ready to prove: artifact, SRS trimmed to its size, proving key.
struct Prepared {
	artifact: Artifact,
	params: ParamsKZG<Bn256>,
	pk: ProvingKey<G1Affine>,
}

#[derive(Default)]
struct State {
	queue: VecDeque<ProofRequest>,
	jobs: HashMap<JobKey, ProofStatus>,
	finished: VecDeque<JobKey>,
	stopping: bool,
}

struct Shared {
	config: PoolConfig,
	state: Mutex<State>,
	work: Condvar,
	models: Mutex<VecDeque<([u8; 32], Arc<Prepared>)>>,
	/// Held while a model loads, so two threads never generate (and write) one key at once.
	loading: Mutex<()>,
	observer: Option<Arc<dyn PoolObserver>>,
}

/// A bounded pool of proving threads.
pub struct ProverPool {
	shared: Arc<Shared>,
	threads: Vec<JoinHandle<()>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
	// A panicking prover thread must not take the node's off-chain workers down with it.
	mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl ProverPool {
	/// Starts `config.threads` proving threads.
	pub fn start(
		config: PoolConfig,
		observer: Option<Arc<dyn PoolObserver>>,
	) -> std::io::Result<Self> {
		let threads = config.threads.max(1);
		let shared = Arc::new(Shared {
			config,
			state: Mutex::new(State::default()),
			work: Condvar::new(),
			models: Mutex::new(VecDeque::new()),
			loading: Mutex::new(()),
			observer,
		});
		let threads = (0..threads)
			.map(|i| {
				let shared = shared.clone();
				std::thread::Builder::new()
					.name(format!("zkinfer-prover-{i}"))
					.spawn(move || shared.serve())
			})
			.collect::<std::io::Result<Vec<_>>>()?;
		Ok(Self { shared, threads })
	}

	/// Queues `request`; never waits for proving.
	pub fn request(&self, request: ProofRequest) -> RequestOutcome {
		let shared = &self.shared;
		let mut state = lock(&shared.state);
		let key = (request.job, request.node);
		match state.jobs.get(&key) {
			Some(ProofStatus::Failed(_)) | None => {},
			Some(_) => return RequestOutcome::AlreadyKnown,
		}
		if state.queue.len() >= shared.config.queue_capacity.max(1) {
			return RequestOutcome::Busy;
		}
		state.jobs.insert(key, ProofStatus::Pending);
		state.finished.retain(|k| k != &key);
		state.queue.push_back(request);
		shared.observe_queue(state.queue.len());
		shared.work.notify_one();
		RequestOutcome::Accepted
	}

	/// Where the proof of `job` for `node` stands.
	pub fn status(&self, job: u64, node: &[u8; 32]) -> ProofStatus {
		lock(&self.shared.state)
			.jobs
			.get(&(job, *node))
			.cloned()
			.unwrap_or(ProofStatus::Unknown)
	}

	/// Loads `artifact` and its proving key now (generating and caching the key if needed), so
	/// the first job of the model does not pay for it.
	pub fn warm_up(&self, artifact: &[u8; 32]) -> Result<(), String> {
		self.shared.prepared(artifact).map(|_| ())
	}

	/// The number of requests waiting.
	pub fn waiting(&self) -> usize {
		lock(&self.shared.state).queue.len()
	}
}

impl Drop for ProverPool {
	fn drop(&mut self) {
		lock(&self.shared.state).stopping = true;
		self.shared.work.notify_all();
		for thread in self.threads.drain(..) {
			let _ = thread.join();
		}
	}
}

impl Shared {
	fn observe_queue(&self, waiting: usize) {
		if let Some(observer) = &self.observer {
			observer.queue_length(waiting);
		}
	}

	/// A proving thread: takes requests until the pool stops.
	fn serve(&self) {
		loop {
			let request = {
				let mut state = lock(&self.state);
				loop {
					if state.stopping {
						return;
					}
					if let Some(request) = state.queue.pop_front() {
						self.observe_queue(state.queue.len());
						break request;
					}
					state = self.work.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
				}
			};
			let started = Instant::now();
			let status = match self.prove(&request) {
				Ok((output, proof)) => {
					if let Some(observer) = &self.observer {
						observer.proved(started.elapsed());
					}
					ProofStatus::Ready { output, proof }
				},
				Err(reason) => {
					log::warn!(target: "zkinfer-prover", "job {}: proving failed: {reason}", request.job);
					if let Some(observer) = &self.observer {
						observer.failed();
					}
					ProofStatus::Failed(reason.into_bytes())
				},
			};
			let mut state = lock(&self.state);
			let key = (request.job, request.node);
			state.jobs.insert(key, status);
			state.finished.push_back(key);
			while state.finished.len() > self.config.remembered.max(1) {
				if let Some(old) = state.finished.pop_front() {
					state.jobs.remove(&old);
				}
			}
		}
	}

	/// Proves one request: the model's output and the proof.
	fn prove(&self, request: &ProofRequest) -> Result<(Vec<i64>, Vec<u8>), String> {
		let prepared = self.prepared(&request.artifact)?;
		let model = &prepared.artifact.model;
		if request.input.len() != model.input_len() {
			return Err(format!(
				"the input has {} values, the model takes {}",
				request.input.len(),
				model.input_len()
			));
		}
		let binding = zkinfer_circuit::field::fr_from_bytes(&request.binding)
			.ok_or_else(|| "the job binding is not a canonical field element".to_string())?;
		let proof = zkinfer_circuit::prove(
			&prepared.params,
			&prepared.pk,
			model.clone(),
			prepared.artifact.settings.circuit,
			binding,
			&request.input,
			OsRng,
		)
		.map_err(|e| e.to_string())?;
		Ok((proof.output, proof.proof))
	}

	/// The model `id`, from the cache or loaded from the store (its proving key read from the
	/// artifact directory or generated there).
	fn prepared(&self, id: &[u8; 32]) -> Result<Arc<Prepared>, String> {
		let cached = || {
			lock(&self.models)
				.iter()
				.find(|(cached, _)| cached == id)
				.map(|(_, p)| p.clone())
		};
		if let Some(prepared) = cached() {
			return Ok(prepared);
		}
		let _loading = lock(&self.loading);
		if let Some(prepared) = cached() {
			return Ok(prepared);
		}
		let artifact = self.config.store.load(id).map_err(|e| e.to_string())?;
		let params =
			self.config.srs.params(artifact.settings.circuit.k).map_err(|e| e.to_string())?;
		let pk = artifact::proving_setup(&artifact, &params).map_err(|e| e.to_string())?;
		let prepared = Arc::new(Prepared { artifact, params, pk });
		let mut models = lock(&self.models);
		if !models.iter().any(|(cached, _)| cached == id) {
			models.push_back((*id, prepared.clone()));
			while models.len() > self.config.cached_models.max(1) {
				models.pop_front();
			}
		}
		Ok(prepared)
	}
}
