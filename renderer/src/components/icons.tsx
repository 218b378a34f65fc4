// The icons the app uses, under their @ant-design/icons names. Those icons announce themselves to screen
// readers by their English file name (role="img" aria-label="apartment"), which then becomes part of the
// accessible name of a button or menu item (「plus 新建孵化器」). Here every icon is decorative (hidden from
// screen readers) unless it is given a Chinese aria-label; an icon-only button gets its name from the button's
// own aria-label. Import icons from this file, never from '@ant-design/icons' (ESLint enforces it).
import { forwardRef, type ComponentProps } from 'react';
import {
  ApartmentOutlined as ApartmentBase,
  ArrowLeftOutlined as ArrowLeftBase,
  BankOutlined as BankBase,
  CheckCircleOutlined as CheckCircleBase,
  CloseCircleFilled as CloseCircleFilledBase,
  CloudOutlined as CloudBase,
  CloudSyncOutlined as CloudSyncBase,
  DashboardOutlined as DashboardBase,
  DeleteOutlined as DeleteBase,
  DisconnectOutlined as DisconnectBase,
  DownloadOutlined as DownloadBase,
  ExclamationCircleOutlined as ExclamationCircleBase,
  FileSearchOutlined as FileSearchBase,
  HistoryOutlined as HistoryBase,
  MenuFoldOutlined as MenuFoldBase,
  MenuUnfoldOutlined as MenuUnfoldBase,
  PlusOutlined as PlusBase,
  SearchOutlined as SearchBase,
  SettingOutlined as SettingBase,
  WarningOutlined as WarningBase,
} from '@ant-design/icons';

type IconComponent = typeof PlusBase;
type IconProps = ComponentProps<IconComponent>;

function accessible(Icon: IconComponent, name: string): IconComponent {
  const Wrapped = forwardRef<HTMLSpanElement, IconProps>(function AccessibleIcon(props, ref) {
    const label = props['aria-label'];
    return label ? (
      <Icon ref={ref} {...props} role="img" aria-label={label} />
    ) : (
      <Icon ref={ref} {...props} role={undefined} aria-label={undefined} aria-hidden />
    );
  });
  Wrapped.displayName = name;
  return Wrapped;
}

export const ApartmentOutlined = accessible(ApartmentBase, 'ApartmentOutlined');
export const ArrowLeftOutlined = accessible(ArrowLeftBase, 'ArrowLeftOutlined');
export const BankOutlined = accessible(BankBase, 'BankOutlined');
export const CheckCircleOutlined = accessible(CheckCircleBase, 'CheckCircleOutlined');
export const CloseCircleFilled = accessible(CloseCircleFilledBase, 'CloseCircleFilled');
export const CloudOutlined = accessible(CloudBase, 'CloudOutlined');
export const CloudSyncOutlined = accessible(CloudSyncBase, 'CloudSyncOutlined');
export const DashboardOutlined = accessible(DashboardBase, 'DashboardOutlined');
export const DeleteOutlined = accessible(DeleteBase, 'DeleteOutlined');
export const DisconnectOutlined = accessible(DisconnectBase, 'DisconnectOutlined');
export const DownloadOutlined = accessible(DownloadBase, 'DownloadOutlined');
export const ExclamationCircleOutlined = accessible(ExclamationCircleBase, 'ExclamationCircleOutlined');
export const FileSearchOutlined = accessible(FileSearchBase, 'FileSearchOutlined');
export const HistoryOutlined = accessible(HistoryBase, 'HistoryOutlined');
export const MenuFoldOutlined = accessible(MenuFoldBase, 'MenuFoldOutlined');
export const MenuUnfoldOutlined = accessible(MenuUnfoldBase, 'MenuUnfoldOutlined');
export const PlusOutlined = accessible(PlusBase, 'PlusOutlined');
export const SearchOutlined = accessible(SearchBase, 'SearchOutlined');
export const SettingOutlined = accessible(SettingBase, 'SettingOutlined');
export const WarningOutlined = accessible(WarningBase, 'WarningOutlined');
