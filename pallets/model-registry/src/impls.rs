//! The pallet's logic, as plain functions that calls, the market and tests share.

use codec::Encode;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Balanced, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, CheckedSub, Zero},
	ArithmeticError,
};
use zkinfer_primitives::{
	compute_units, ComputeUnits, InferenceVerifier, ModelId, ModelRegistry, ModelTerms,
};

use crate::pallet::{
	BalanceOf, Config, Error, Event, HoldReason, ModelRecord, ModelRecordOf, ModelSpecOf,
	ModelStatus, Models, NextModelId, OwnershipOffers, Pallet, RequesterInferences, Usage,
	UsageRecord,
};

/// The largest fixed-point scale: values are `i64`.
pub const MAX_SCALE_BITS: u8 = 62;

impl<T: Config> Pallet<T> {
	/// The number of values of a tensor of `shape`, checked against `MaxTensorValues`.
	pub fn tensor_values(shape: &[u32]) -> Result<u32, Error<T>> {
		ensure!(!shape.is_empty() && shape.iter().all(|&d| d > 0), Error::<T>::EmptyShape);
		let values = shape
			.iter()
			.try_fold(1u32, |acc, &d| acc.checked_mul(d))
			.ok_or(Error::<T>::TooManyValues)?;
		ensure!(values <= T::MaxTensorValues::get(), Error::<T>::TooManyValues);
		Ok(values)
	}

	/// Checks a specification on its own and against its verifying key; returns the compute
	/// units one inference costs (computed from the key).
	pub fn check_spec(spec: &ModelSpecOf<T>) -> Result<ComputeUnits, DispatchError> {
		let inputs = Self::tensor_values(&spec.input_shape)?;
		let outputs = Self::tensor_values(&spec.output_shape)?;
		ensure!(
			spec.input_scale <= MAX_SCALE_BITS && spec.output_scale <= MAX_SCALE_BITS,
			Error::<T>::ScaleTooLarge
		);
		ensure!(spec.input_domain.is_valid(), Error::<T>::InvalidInputDomain);
		let key =
			T::Verifiers::key_info(spec.proof_system, &spec.vk).ok_or(Error::<T>::UnknownKey)?;
		// Both are at most MaxTensorValues (u32), so the sum fits u64.
		let statement = 1u64 + u64::from(inputs) + u64::from(outputs);
		ensure!(u64::from(key.public_inputs) == statement, Error::<T>::ShapeMismatch);
		Ok(compute_units(&key))
	}

	/// The deposit for `record`: `ModelDepositBase + ModelDepositPerByte × encoded length`.
	pub fn model_deposit(record: &ModelRecordOf<T>) -> Result<BalanceOf<T>, Error<T>> {
		let len = u32::try_from(record.encoded_size()).map_err(|_| Error::<T>::DepositOverflow)?;
		T::ModelDepositPerByte::get()
			.checked_mul(&len.into())
			.and_then(|d| d.checked_add(&T::ModelDepositBase::get()))
			.ok_or(Error::<T>::DepositOverflow)
	}

	/// Registers `spec` for `owner`; returns the new model's id.
	pub fn do_register_model(
		owner: T::AccountId,
		spec: ModelSpecOf<T>,
	) -> Result<ModelId, DispatchError> {
		let compute_units = Self::check_spec(&spec)?;
		let model = NextModelId::<T>::get();
		let next = model.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let mut record = ModelRecord {
			owner: owner.clone(),
			deposit: Zero::zero(),
			spec,
			compute_units,
			status: ModelStatus::Active,
			open_jobs: 0,
		};
		record.deposit = Self::model_deposit(&record)?;
		let fee = T::RegistrationFee::get();
		// Calls are transactional: a failure below rolls back the writes before it.
		T::Currency::hold(&HoldReason::ModelDeposit.into(), &owner, record.deposit)?;
		T::Verifiers::acquire_key(record.spec.proof_system, &record.spec.vk)?;
		let credit = T::Currency::withdraw(
			&owner,
			fee,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)?;
		T::RegistrationFeeDestination::on_unbalanced(credit);
		NextModelId::<T>::put(next);
		Self::deposit_event(Event::ModelRegistered {
			model,
			owner,
			proof_system: record.spec.proof_system,
			vk: record.spec.vk,
			compute_units,
			input_domain: record.spec.input_domain,
			fee,
			deposit: record.deposit,
		});
		Models::<T>::insert(model, record);
		Ok(model)
	}

	/// The stored model `model` if `who` owns it.
	fn owned(who: &T::AccountId, model: ModelId) -> Result<ModelRecordOf<T>, DispatchError> {
		let record = Models::<T>::get(model).ok_or(Error::<T>::UnknownModel)?;
		ensure!(&record.owner == who, Error::<T>::NotOwner);
		Ok(record)
	}

	/// Holds or releases the difference between `old` and `new` deposits of `who`.
	fn adjust_deposit(who: &T::AccountId, old: BalanceOf<T>, new: BalanceOf<T>) -> DispatchResult {
		let reason = HoldReason::ModelDeposit.into();
		if let Some(more) = new.checked_sub(&old).filter(|d| !d.is_zero()) {
			T::Currency::hold(&reason, who, more)?;
		} else if let Some(less) = old.checked_sub(&new).filter(|d| !d.is_zero()) {
			T::Currency::release(&reason, who, less, Precision::Exact)?;
		}
		Ok(())
	}

	/// Replaces the metadata of `who`'s active model `model`.
	pub fn do_update_metadata(
		who: T::AccountId,
		model: ModelId,
		metadata: BoundedVec<u8, T::MaxMetadataBytes>,
	) -> DispatchResult {
		let mut record = Self::owned(&who, model)?;
		ensure!(record.status == ModelStatus::Active, Error::<T>::ModelRetired);
		let old = record.deposit;
		record.spec.metadata = metadata;
		record.deposit = Self::model_deposit(&record)?;
		Self::adjust_deposit(&who, old, record.deposit)?;
		let deposit = record.deposit;
		Models::<T>::insert(model, record);
		Self::deposit_event(Event::MetadataUpdated { model, deposit });
		Ok(())
	}

	/// Retires `who`'s model `model`, removing it at once if no job is open.
	pub fn do_retire_model(who: T::AccountId, model: ModelId) -> DispatchResult {
		let mut record = Self::owned(&who, model)?;
		ensure!(record.status == ModelStatus::Active, Error::<T>::ModelRetired);
		record.status = ModelStatus::Retired;
		let open_jobs = record.open_jobs;
		OwnershipOffers::<T>::remove(model);
		Self::deposit_event(Event::ModelRetired { model, open_jobs });
		if open_jobs == 0 {
			Self::remove_model(model, record)
		} else {
			Models::<T>::insert(model, record);
			Ok(())
		}
	}

	/// Removes a retired model without open jobs: releases its deposit and key reference.
	fn remove_model(model: ModelId, record: ModelRecordOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::ModelDeposit.into(),
			&record.owner,
			record.deposit,
			Precision::Exact,
		)?;
		T::Verifiers::release_key(record.spec.proof_system, &record.spec.vk)?;
		Models::<T>::remove(model);
		Self::deposit_event(Event::ModelRemoved {
			model,
			owner: record.owner,
			deposit: record.deposit,
		});
		Ok(())
	}

	/// Offers `who`'s active model `model` to `to`.
	pub fn do_offer_ownership(
		who: T::AccountId,
		model: ModelId,
		to: T::AccountId,
	) -> DispatchResult {
		let record = Self::owned(&who, model)?;
		ensure!(record.status == ModelStatus::Active, Error::<T>::ModelRetired);
		ensure!(to != who, Error::<T>::AlreadyOwner);
		OwnershipOffers::<T>::insert(model, to.clone());
		Self::deposit_event(Event::OwnershipOffered { model, owner: who, to });
		Ok(())
	}

	/// `who` accepts the offer of `model`: holds `who`'s deposit, releases the old owner's.
	pub fn do_accept_ownership(who: T::AccountId, model: ModelId) -> DispatchResult {
		ensure!(OwnershipOffers::<T>::get(model).as_ref() == Some(&who), Error::<T>::NotOffered);
		let mut record = Models::<T>::get(model).ok_or(Error::<T>::UnknownModel)?;
		let reason = HoldReason::ModelDeposit.into();
		T::Currency::release(&reason, &record.owner, record.deposit, Precision::Exact)?;
		let from = core::mem::replace(&mut record.owner, who.clone());
		// The record's length does not depend on the owner, but the deposit terms may have
		// changed since registration: the new owner holds today's deposit.
		record.deposit = Self::model_deposit(&record)?;
		T::Currency::hold(&reason, &who, record.deposit)?;
		let deposit = record.deposit;
		Models::<T>::insert(model, record);
		OwnershipOffers::<T>::remove(model);
		Self::deposit_event(Event::OwnershipTransferred { model, from, to: who, deposit });
		Ok(())
	}

	/// Removes `who`'s usage record of the removed model `model`, releasing its deposit.
	pub fn do_remove_usage_record(who: T::AccountId, model: ModelId) -> DispatchResult {
		ensure!(!Models::<T>::contains_key(model), Error::<T>::ModelStillStored);
		let record =
			RequesterInferences::<T>::take(model, &who).ok_or(Error::<T>::NoUsageRecord)?;
		T::Currency::release(
			&HoldReason::UsageRecord.into(),
			&who,
			record.deposit,
			Precision::Exact,
		)?;
		Self::deposit_event(Event::UsageRecordRemoved {
			model,
			requester: who,
			deposit: record.deposit,
		});
		Ok(())
	}

	/// Checks the pallet's invariants (see the module docs). Built in every configuration so
	/// that the runtime's tests can check them after each step; reads storage only.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::traits::Saturating;
		let next = NextModelId::<T>::get();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (model, record) in Models::<T>::iter() {
			ensure!(model < next, "a model id is not below NextModelId");
			let units = Self::check_spec(&record.spec)
				.map_err(|_| "a stored model's specification is invalid")?;
			ensure!(
				units == record.compute_units,
				"a stored model's compute units are not its key's"
			);
			ensure!(
				record.status == ModelStatus::Active || record.open_jobs > 0,
				"a retired model without open jobs is still stored"
			);
			let total = held.entry(record.owner.clone()).or_insert_with(Zero::zero);
			*total = total.saturating_add(record.deposit);
		}
		for (owner, deposits) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ModelDeposit.into(), &owner) == deposits,
				"held model deposits differ from the recorded deposits"
			);
		}
		for model in OwnershipOffers::<T>::iter_keys() {
			ensure!(Models::<T>::contains_key(model), "an ownership offer for a model not stored");
		}
		let mut usage_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut requesters: BTreeMap<ModelId, (u32, u32)> = BTreeMap::new();
		for (model, requester, record) in RequesterInferences::<T>::iter() {
			let total = usage_deposits.entry(requester).or_insert_with(Zero::zero);
			*total = total.saturating_add(record.deposit);
			let (distinct, repeat) = requesters.entry(model).or_default();
			*distinct = distinct.saturating_add(u32::from(record.verified >= 1));
			*repeat = repeat.saturating_add(u32::from(record.verified >= 2));
		}
		for (requester, deposits) in usage_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::UsageRecord.into(), &requester)
					== deposits,
				"held usage-record deposits differ from the records' deposits"
			);
		}
		for (model, usage) in Usage::<T>::iter() {
			ensure!(model < next, "usage of a model id never assigned");
			ensure!(
				usage.repeat_requesters <= usage.distinct_requesters
					&& u64::from(usage.distinct_requesters) <= usage.inferences,
				"usage statistics are inconsistent"
			);
			// Records of a removed model may have been taken back by their requesters.
			if Models::<T>::contains_key(model) {
				let (distinct, repeat) = requesters.get(&model).copied().unwrap_or_default();
				ensure!(
					(usage.distinct_requesters, usage.repeat_requesters) == (distinct, repeat),
					"usage statistics differ from the requesters' records"
				);
			}
		}
		Ok(())
	}
}

impl<T: Config> ModelRegistry<T::AccountId> for Pallet<T> {
	fn terms(model: ModelId) -> Result<ModelTerms<T::AccountId>, DispatchError> {
		let record = Models::<T>::get(model).ok_or(Error::<T>::UnknownModel)?;
		Ok(ModelTerms {
			accepts_jobs: record.status == ModelStatus::Active,
			compute_units: record.compute_units,
			input_domain: record.spec.input_domain,
			proof_system: record.spec.proof_system,
			vk: record.spec.vk,
			artifact: record.spec.artifact,
			input_len: Self::tensor_values(&record.spec.input_shape)?,
			output_len: Self::tensor_values(&record.spec.output_shape)?,
			owner: record.owner,
		})
	}

	fn job_opened(model: ModelId, requester: &T::AccountId) -> DispatchResult {
		// Checks and the hold first, writes after: a failure changes nothing.
		let mut record = Models::<T>::get(model).ok_or(Error::<T>::UnknownModel)?;
		ensure!(record.status == ModelStatus::Active, Error::<T>::ModelRetired);
		record.open_jobs = record.open_jobs.checked_add(1).ok_or(Error::<T>::OpenJobsOutOfRange)?;
		if !RequesterInferences::<T>::contains_key(model, requester) {
			let deposit = T::UsageRecordDeposit::get();
			T::Currency::hold(&HoldReason::UsageRecord.into(), requester, deposit)?;
			RequesterInferences::<T>::insert(
				model,
				requester,
				UsageRecord { verified: 0, deposit },
			);
			Self::deposit_event(Event::UsageRecordCreated {
				model,
				requester: requester.clone(),
				deposit,
			});
		}
		Models::<T>::insert(model, record);
		Ok(())
	}

	fn job_closed(model: ModelId) -> DispatchResult {
		let mut record = Models::<T>::get(model).ok_or(Error::<T>::UnknownModel)?;
		record.open_jobs = record.open_jobs.checked_sub(1).ok_or(Error::<T>::OpenJobsOutOfRange)?;
		if record.status == ModelStatus::Retired && record.open_jobs == 0 {
			Self::remove_model(model, record)
		} else {
			Models::<T>::insert(model, record);
			Ok(())
		}
	}

	fn open_jobs(model: ModelId) -> u32 {
		Models::<T>::get(model).map_or(0, |record| record.open_jobs)
	}

	fn jobs_verified(model: ModelId, requesters: &[T::AccountId]) -> DispatchResult {
		let closed = u32::try_from(requesters.len()).map_err(|_| Error::<T>::OpenJobsOutOfRange)?;
		let mut record = Models::<T>::get(model).ok_or(Error::<T>::UnknownModel)?;
		record.open_jobs =
			record.open_jobs.checked_sub(closed).ok_or(Error::<T>::OpenJobsOutOfRange)?;
		let mut usage = Usage::<T>::get(model);
		for requester in requesters {
			// The record was created with the job (`job_opened`).
			let Some(before) = RequesterInferences::<T>::mutate(model, requester, |record| {
				record.as_mut().map(|record| {
					let before = record.verified;
					record.verified = record.verified.saturating_add(1);
					before
				})
			}) else {
				// Counting it anyway would make the statistics disagree with the records.
				frame_support::defensive!("a verified job's requester has no usage record");
				continue;
			};
			usage.inferences = usage.inferences.saturating_add(1);
			match before {
				0 => usage.distinct_requesters = usage.distinct_requesters.saturating_add(1),
				1 => usage.repeat_requesters = usage.repeat_requesters.saturating_add(1),
				_ => {},
			}
		}
		Usage::<T>::insert(model, usage);
		if record.status == ModelStatus::Retired && record.open_jobs == 0 {
			Self::remove_model(model, record)
		} else {
			Models::<T>::insert(model, record);
			Ok(())
		}
	}
}
