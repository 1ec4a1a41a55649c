import './deliberation.css';

export { HallCard, HallPage } from './HallPage.tsx';
export { ProposalPage } from './ProposalPage.tsx';
export { ProposeFormPage } from './ProposeFormPage.tsx';
