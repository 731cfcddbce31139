//! Off-chain workers: how the inference market's worker signs and submits transactions for
//! the compute-node operators whose keys are in the node's keystore.
//!
//! [`KeystoreOperators`] lists the operators (sr25519 keys of type
//! [`pallet_inference_market::offchain::KEY_TYPE`], `zkin`; the account is the key) and
//! submits their `submit_result` calls through `frame_system::offchain::Signer`, which builds
//! the transaction below ([`CreateSignedTransaction`]): the runtime's full transaction
//! extensions, mortal for up to `BlockHashCount` blocks, no tip, fees paid by the operator
//! like any transaction's.

use alloc::vec::Vec;
use codec::Encode;
use frame_system::offchain::{
	AppCrypto, CreateSignedTransaction, CreateTransactionBase, SendSignedTransaction, Signer,
	SigningTypes,
};
use pallet_inference_market::{
	offchain::{crypto::OperatorKey, SubmitError},
	OffchainOperators,
};
use sp_runtime::{
	generic::Era,
	traits::{IdentifyAccount, StaticLookup},
	MultiSigner, RuntimeAppPublic, SaturatedConversion,
};

use crate::{
	configs::system::BlockHashCount, AccountId, Nonce, Runtime, RuntimeCall, Signature,
	SignedPayload, System, TxExtension, UncheckedExtrinsic,
};

impl SigningTypes for Runtime {
	type Public = MultiSigner;
	type Signature = Signature;
}

impl<LocalCall> CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> CreateSignedTransaction<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_signed_transaction<C: AppCrypto<Self::Public, Self::Signature>>(
		call: RuntimeCall,
		public: MultiSigner,
		account: AccountId,
		nonce: Nonce,
	) -> Option<UncheckedExtrinsic> {
		let period = u64::from(BlockHashCount::get())
			.checked_next_power_of_two()
			.map(|p| p / 2)
			.unwrap_or(2);
		// The worker runs on top of the block it was given; the era starts at its parent.
		let current = System::block_number().saturated_into::<u64>().saturating_sub(1);
		let extension: TxExtension = (
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(Era::mortal(period, current)),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		let payload = SignedPayload::new(call, extension).ok()?;
		let signature = payload.using_encoded(|bytes| C::sign(bytes, public))?;
		let (call, extension, _) = payload.deconstruct();
		let address = <Runtime as frame_system::Config>::Lookup::unlookup(account);
		Some(UncheckedExtrinsic::new_signed(call, address, signature, extension))
	}
}

/// The operators whose keys are in the local keystore, signing through it.
pub struct KeystoreOperators;

impl OffchainOperators<AccountId, pallet_inference_market::Call<Runtime>> for KeystoreOperators {
	fn local_operators() -> Vec<AccountId> {
		<OperatorKey as AppCrypto<MultiSigner, Signature>>::RuntimeAppPublic::all()
			.into_iter()
			.map(|key| MultiSigner::from(sp_core::sr25519::Public::from(key)).into_account())
			.collect()
	}

	fn submit_signed(
		operator: &AccountId,
		call: pallet_inference_market::Call<Runtime>,
	) -> Result<(), SubmitError> {
		let key = sp_core::sr25519::Public::from_raw(operator.clone().into());
		let sent = Signer::<Runtime, OperatorKey>::all_accounts()
			.with_filter(alloc::vec![MultiSigner::from(key)])
			.send_signed_transaction(|_| call.clone());
		match sent.first() {
			Some((_, Ok(()))) => Ok(()),
			Some((_, Err(()))) => Err(SubmitError::Refused),
			None => Err(SubmitError::NoKey),
		}
	}
}
