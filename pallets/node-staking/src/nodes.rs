//! Operators and their nodes: registration, updates, leaving, prover keys, the model index,
//! capacity, and the [`ComputeNodes`] interface the market uses.

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	SaturatedConversion,
};
use zkinfer_primitives::{
	ComputeNodes, ComputeUnits, EpochIndex, ModelId, ModelRegistry, NodeOffence,
};

use crate::{
	pallet::{
		BalanceOf, CapacityUsed, Config, Error, Event, HoldReason, Members, ModelNodes,
		NodeConfigOf, NodeCount, NodeOf, Nodes, Pallet, PendingSlashes, Pools, ProverNodes,
		Provers,
	},
	EmissionState, Leave, LeaveReason, Node,
};

impl<T: Config> Pallet<T> {
	/// Registers `operator`'s node from the next epoch (the call).
	pub fn do_register_node(
		operator: T::AccountId,
		config: NodeConfigOf<T>,
		bond: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(&operator), Error::<T>::AlreadyMember);
		Self::check_config(&config)?;
		ensure!(bond >= Self::min_bond_for(config.models.len()), Error::<T>::BondBelowMinimum);
		let active_from = Self::current_epoch().saturating_add(1);
		Self::add_node(operator, config, bond, active_from)
	}

	/// The least bond of a node serving `models` models: `MinBond` for each, so the slots a
	/// node holds in models' node lists cost in proportion to how many it holds.
	pub fn min_bond_for(models: usize) -> BalanceOf<T> {
		T::MinBond::get().saturating_mul(u32::try_from(models).unwrap_or(u32::MAX).into())
	}

	/// Checks a configuration an operator asks for: models that take jobs, no duplicates, a
	/// capacity and throughput that take at least one job of each model, commission ceiling.
	pub(crate) fn check_config(config: &NodeConfigOf<T>) -> DispatchResult {
		ensure!(!config.models.is_empty(), Error::<T>::NoModels);
		ensure!(config.capacity > 0 && config.throughput > 0, Error::<T>::ZeroCapacity);
		let window: u64 = T::AssignmentWindow::get().saturated_into::<u64>().max(1);
		let per_window = config.throughput.saturating_mul(window);
		for (i, model) in config.models.iter().enumerate() {
			ensure!(!config.models[..i].contains(model), Error::<T>::DuplicateModel);
			let terms = T::Models::terms(*model).map_err(|_| Error::<T>::UnknownModel)?;
			ensure!(terms.accepts_jobs, Error::<T>::UnknownModel);
			ensure!(config.capacity >= terms.compute_units, Error::<T>::CapacityBelowModel);
			ensure!(per_window >= terms.compute_units, Error::<T>::ThroughputBelowModel);
		}
		ensure!(config.commission <= T::MaxCommission::get(), Error::<T>::CommissionAboveMaximum);
		Ok(())
	}

	/// Stores a node serving from `active_from`, holds its bond and indexes it under its
	/// models; the checks of the caller's choosing come first (genesis and benchmarks register
	/// nodes for models that do not exist yet).
	pub fn add_node(
		operator: T::AccountId,
		config: NodeConfigOf<T>,
		bond: BalanceOf<T>,
		active_from: EpochIndex,
	) -> DispatchResult {
		ensure!(!Nodes::<T>::contains_key(&operator), Error::<T>::AlreadyRegistered);
		let count = NodeCount::<T>::get();
		ensure!(count < T::MaxNodes::get(), Error::<T>::TooManyNodes);
		T::Currency::hold(&HoldReason::NodeBond.into(), &operator, bond)?;
		for model in config.models.iter() {
			Self::index(*model, &operator)?;
		}
		NodeCount::<T>::put(count.saturating_add(1));
		// An account named as another node's prover key that now operates a node of its own is
		// that node's key no more (the operator named an account it does not control).
		if let Some(named_by) = ProverNodes::<T>::take(&operator) {
			Provers::<T>::remove(&named_by);
			Self::deposit_event(Event::ProverSet { node: named_by, prover: None });
		}
		let current = Self::current_epoch();
		// A pool kept from an earlier node of this operator (members who never left) stakes
		// behind the new node too.
		let pool = Pools::<T>::get(&operator).map_or_else(Zero::zero, |pool| pool.active);
		let stake = bond.saturating_add(pool);
		// Its stake earns emission from `active_from` on (genesis nodes: at once).
		let weight = if active_from <= current { stake } else { Zero::zero() };
		let emission = EmissionState { last: current, weight, misses: 0, next_weight: stake };
		Self::emission_stake_added(weight, stake);
		Self::epoch_record_referenced(current);
		let node = Node {
			bond,
			bond_joining: Zero::zero(),
			config: config.clone(),
			next: None,
			active_from,
			leave: None,
			rewards: Zero::zero(),
			emission,
		};
		Nodes::<T>::insert(&operator, node);
		Self::deposit_event(Event::NodeRegistered { node: operator, config, bond, active_from });
		Ok(())
	}

	/// Schedules `operator`'s new configuration for the next epoch (the call).
	pub fn do_update_node(operator: T::AccountId, config: NodeConfigOf<T>) -> DispatchResult {
		let mut node = Nodes::<T>::get(&operator).ok_or(Error::<T>::NotRegistered)?;
		ensure!(node.leave.is_none(), Error::<T>::NodeLeaving);
		Self::check_config(&config)?;
		// Until the update takes effect the node holds slots for both configurations.
		let slots = node.slots_held_with(Self::current_epoch(), Some(&config.models[..]));
		ensure!(node.bond >= Self::min_bond_for(slots), Error::<T>::BondBelowMinimum);
		// Emission earned so far is shared with the commission that was in force.
		Self::settle_emission(&operator, &mut node)?;
		let current = Self::current_epoch();
		Self::promote(&operator, &mut node, current);
		let before: Vec<ModelId> = node.indexed_models().collect();
		let from = current.saturating_add(1).max(node.active_from);
		node.next = Some((from, config.clone()));
		let after: Vec<ModelId> = node.indexed_models().collect();
		for model in before.iter().filter(|m| !after.contains(m)) {
			Self::unindex(*model, &operator);
		}
		for model in after.iter().filter(|m| !before.contains(m)) {
			Self::index(*model, &operator)?;
		}
		Nodes::<T>::insert(&operator, node);
		Self::deposit_event(Event::NodeUpdated { node: operator, config, from });
		Ok(())
	}

	/// Makes a pending update that has taken effect the node's configuration, and drops the
	/// index entries of models it no longer serves.
	pub(crate) fn promote(operator: &T::AccountId, node: &mut NodeOf<T>, current: EpochIndex) {
		if let Some((from, next)) = node.next.take() {
			if from <= current {
				for model in node.config.models.iter().filter(|m| !next.models.contains(m)) {
					Self::unindex(*model, operator);
				}
				node.config = next;
			} else {
				node.next = Some((from, next));
			}
		}
	}

	/// Adds `amount` to `operator`'s bond (the call).
	pub fn do_bond_extra(operator: T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut node = Nodes::<T>::get(&operator).ok_or(Error::<T>::NotRegistered)?;
		ensure!(node.leave.is_none(), Error::<T>::NodeLeaving);
		ensure!(PendingSlashes::<T>::get(&operator) == 0, Error::<T>::SlashPending);
		let bond = node.bond.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		// Earlier epochs' emission goes to the stake that was there.
		Self::settle_emission(&operator, &mut node)?;
		T::Currency::hold(&HoldReason::NodeBond.into(), &operator, amount)?;
		node.bond = bond;
		// It shares this epoch's rewards with the pool from the next epoch, as pool stake that
		// joins does (`settle_emission` cleared earlier epochs' joining bond above).
		node.bond_joining = node.bond_joining.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Self::emission_stake_joined(&mut node, amount);
		Nodes::<T>::insert(&operator, node);
		Self::deposit_event(Event::BondIncreased { node: operator, amount, bond });
		Ok(())
	}

	/// Unregisters `operator`'s node at the end of this epoch (the call).
	pub fn do_unregister_node(operator: T::AccountId) -> DispatchResult {
		let mut node = Nodes::<T>::get(&operator).ok_or(Error::<T>::NotRegistered)?;
		ensure!(node.leave.is_none(), Error::<T>::NodeLeaving);
		Self::settle_emission(&operator, &mut node)?;
		let until = Self::current_epoch().saturating_add(1).max(node.active_from);
		// It earns this epoch's emission, none after.
		Self::stop_earning(&mut node, false);
		Self::leave(operator, &mut node, until, LeaveReason::Unregistered);
		Ok(())
	}

	/// Deactivates `operator`'s node now (offences, or a bond below the minimum), unless it
	/// already stopped serving; it forfeits this epoch's emission. The node's emission must be
	/// up to date.
	pub(crate) fn deactivate(operator: T::AccountId, node: &mut NodeOf<T>, reason: LeaveReason) {
		let current = Self::current_epoch();
		if node.is_active(current) || node.active_from > current {
			Self::stop_earning(node, true);
			Self::leave(operator, node, current, reason);
		}
	}

	/// Records that `operator`'s node serves no more from `until` and unbonds after that, and
	/// stores the node. It unbonds for `UnbondingEpochs`, and at least until every job it may
	/// still hold is past its deadline plus an epoch (so a missed deadline is reported, and
	/// blocks the withdrawal as a pending slash, before the bond could leave); a node leaving
	/// twice (unregistered, then deactivated) keeps the later unlock.
	fn leave(operator: T::AccountId, node: &mut NodeOf<T>, until: EpochIndex, reason: LeaveReason) {
		let window: u64 = T::AssignmentWindow::get().saturated_into();
		let epoch: u64 = Self::epoch_length().saturated_into::<u64>().max(1);
		let deadlines = u32::try_from(window.div_ceil(epoch)).unwrap_or(u32::MAX).saturating_add(1);
		let mut unlocks_at = until.saturating_add(Self::unbonding_epochs().max(deadlines));
		if let Some(earlier) = node.leave {
			unlocks_at = unlocks_at.max(earlier.unlocks_at);
		}
		let leave = Leave { until, unlocks_at, reason };
		node.leave = Some(leave);
		Nodes::<T>::insert(&operator, node.clone());
		Self::deposit_event(Event::NodeLeaving { node: operator, until, unlocks_at, reason });
	}

	/// Removes a node that has finished unbonding: pays its operator's rewards, releases its
	/// bond, drops its index entries; returns the bond.
	pub(crate) fn withdraw_node(
		operator: &T::AccountId,
		mut node: NodeOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let current = Self::current_epoch();
		let leave = node.leave.ok_or(Error::<T>::NodeStillServing)?;
		ensure!(current >= leave.unlocks_at, Error::<T>::NothingToWithdraw);
		ensure!(PendingSlashes::<T>::get(operator) == 0, Error::<T>::SlashPending);
		Self::settle_emission(operator, &mut node)?;
		Self::pay_operator_rewards(operator, &mut node)?;
		Self::epoch_record_released(node.emission.last);
		if let Some(prover) = Provers::<T>::take(operator) {
			ProverNodes::<T>::remove(prover);
		}
		T::Currency::release(&HoldReason::NodeBond.into(), operator, node.bond, Precision::Exact)?;
		for model in node.indexed_models().collect::<Vec<_>>() {
			Self::unindex(model, operator);
		}
		Nodes::<T>::remove(operator);
		NodeCount::<T>::mutate(|count| count.saturating_dec());
		CapacityUsed::<T>::remove(operator);
		Self::dissolve_pool_if_empty(operator);
		Self::deposit_event(Event::NodeWithdrawn { node: operator.clone(), bond: node.bond });
		Ok(node.bond)
	}

	/// Lists `operator` under `model`. A full list first gives up the slots of nodes that no
	/// longer serve the model (left, or configured for other models), not yet unindexed.
	fn index(model: ModelId, operator: &T::AccountId) -> DispatchResult {
		ModelNodes::<T>::try_mutate(model, |nodes| {
			if nodes.contains(operator) {
				return Ok(());
			}
			if nodes.is_full() {
				let current = Self::current_epoch();
				nodes.retain(|listed| {
					Nodes::<T>::get(listed).is_some_and(|node| node.holds_slot(model, current))
				});
			}
			nodes
				.try_push(operator.clone())
				.map_err(|_| Error::<T>::TooManyNodesForModel.into())
		})
	}

	/// Takes `operator` off `model`'s list.
	fn unindex(model: ModelId, operator: &T::AccountId) {
		ModelNodes::<T>::mutate_exists(model, |nodes| {
			if let Some(list) = nodes {
				list.retain(|n| n != operator);
				if list.is_empty() {
					*nodes = None;
				}
			}
		});
	}

	/// Names `prover` as `operator`'s prover key, or removes it (the call).
	pub fn do_set_prover(operator: T::AccountId, prover: Option<T::AccountId>) -> DispatchResult {
		ensure!(Nodes::<T>::contains_key(&operator), Error::<T>::NotRegistered);
		if let Some(prover) = &prover {
			ensure!(
				prover != &operator
					&& !Nodes::<T>::contains_key(prover)
					&& !ProverNodes::<T>::contains_key(prover),
				Error::<T>::ProverInUse
			);
		}
		if let Some(old) = Provers::<T>::take(&operator) {
			ProverNodes::<T>::remove(old);
		}
		if let Some(prover) = &prover {
			Provers::<T>::insert(&operator, prover);
			ProverNodes::<T>::insert(prover, &operator);
		}
		Self::deposit_event(Event::ProverSet { node: operator, prover });
		Ok(())
	}

	/// The compute units assigned to `operator` in the current epoch.
	pub fn capacity_used(operator: &T::AccountId) -> ComputeUnits {
		match CapacityUsed::<T>::get(operator) {
			Some((epoch, used)) if epoch == Self::current_epoch() => used,
			_ => 0,
		}
	}
}

impl<T: Config> ComputeNodes<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn serving_nodes(model: ModelId, max: u32) -> Vec<T::AccountId> {
		let current = Self::current_epoch();
		ModelNodes::<T>::get(model)
			.into_iter()
			.filter(|operator| {
				Nodes::<T>::get(operator).is_some_and(|node| node.serves(model, current))
			})
			.take(max as usize)
			.collect()
	}

	fn remaining_capacity(node: &T::AccountId) -> ComputeUnits {
		let current = Self::current_epoch();
		Nodes::<T>::get(node)
			.filter(|record| record.is_active(current))
			.map_or(0, |record| {
				record.config_at(current).capacity.saturating_sub(Self::capacity_used(node))
			})
	}

	fn consume_capacity(node: &T::AccountId, units: ComputeUnits) -> DispatchResult {
		let current = Self::current_epoch();
		let record = Nodes::<T>::get(node).ok_or(Error::<T>::NotRegistered)?;
		ensure!(record.is_active(current), Error::<T>::NodeLeaving);
		let used = Self::capacity_used(node)
			.checked_add(units)
			.filter(|used| *used <= record.config_at(current).capacity)
			.ok_or(DispatchError::Other("node capacity exceeded"))?;
		CapacityUsed::<T>::insert(node, (current, used));
		Ok(())
	}

	fn throughput(node: &T::AccountId) -> ComputeUnits {
		let current = Self::current_epoch();
		Nodes::<T>::get(node)
			.filter(|record| record.is_active(current))
			.map_or(0, |record| record.config_at(current).throughput)
	}

	fn may_submit_for(signer: &T::AccountId, node: &T::AccountId) -> bool {
		signer == node || Provers::<T>::get(node).as_ref() == Some(signer)
	}

	fn node_of_prover(prover: &T::AccountId) -> Option<T::AccountId> {
		ProverNodes::<T>::get(prover)
	}

	fn report_offence(node: &T::AccountId, offence: NodeOffence) {
		Self::record_offence(node, offence);
	}

	fn reward_account(node: &T::AccountId) -> T::AccountId {
		if Nodes::<T>::contains_key(node) {
			Self::account()
		} else {
			node.clone()
		}
	}

	fn work_verified(node: &T::AccountId, fee: BalanceOf<T>) {
		if let Err(error) = Self::distribute_fee(node, fee) {
			frame_support::defensive!("sharing a verified job's fee failed", error);
		}
	}
}
